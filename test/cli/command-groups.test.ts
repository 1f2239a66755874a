// `repay` loads only the asked-for command's group: each group's names must match what it registers.
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { COMMAND_GROUPS, groupsFor } from "../../bots/cli/command-groups.ts";

async function registered(groups: typeof COMMAND_GROUPS): Promise<string[]> {
  const program = new Command();
  for (const group of groups) (await group.load())(program);
  return program.commands.map((command) => command.name()).sort();
}

describe("the repay command's groups", () => {
  it("Should register exactly the top-level names each group declares", async () => {
    for (const group of COMMAND_GROUPS) {
      expect(await registered([group])).toEqual([...group.names].sort());
    }
  });

  it("Should load only the schedule's group for `repay schedule`", () => {
    expect(groupsFor(["schedule"]).map((group) => group.names)).toEqual([
      ["schedule", "state", "plans"],
    ]);
  });

  it("Should load every group for help, flags and unknown commands", () => {
    for (const args of [[], ["--help"], ["-V"], ["schedul"]]) {
      expect(groupsFor(args)).toBe(COMMAND_GROUPS);
    }
  });
});
