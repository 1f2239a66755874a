// `repay intent`: one JSON line on stdout, or exit code 2 and one line on stderr for a bad option.
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { registerIntentCommand } from "../../../bots/cli/intent-command.ts";
import { repay } from "../../cli/run-repay.ts";
import { FIXED_NOW } from "./builders.ts";

async function run(...args: string[]) {
  const result = { stdout: "", stderr: "", code: 0 };
  const program = new Command().exitOverride();
  registerIntentCommand(program, {
    stdout: (text) => {
      result.stdout += text;
    },
    stderr: (text) => {
      result.stderr += text;
    },
    exit: (code) => {
      result.code = code;
    },
  });
  await program.parseAsync(["intent", ...args], { from: "user" });
  return result;
}

describe("repay intent", () => {
  it("Should print the intent alone when there are no entities", async () => {
    expect(await run("how much do I owe?")).toEqual({
      stdout: '{"intent":"balance"}\n',
      stderr: "",
      code: 0,
    });
  });

  it("Should print entities in the borrower's zone at --now", async () => {
    const result = await run("ill pay $150 friday", "--tz", "America/New_York", "--now", FIXED_NOW);
    expect(result.stdout).toBe(
      '{"intent":"promise_to_pay","entities":{"date":"2026-03-06","amount":"150"}}\n',
    );
  });

  it("Should read Chinese with --locale zh-CN", async () => {
    const args = ["--locale", "zh-CN", "--tz", "Asia/Shanghai", "--now", "2026-03-05T23:30:00Z"];
    expect((await run("明天还", ...args)).stdout).toBe(
      '{"intent":"promise_to_pay","entities":{"date":"2026-03-07"}}\n',
    );
  });

  it.each([
    ["--locale", "fr"],
    ["--tz", "Mars/Olympus"],
    ["--now", "2026-03-04"],
    ["--now", "soon"],
  ])("Should exit 2 naming %s when it is %j", async (option, value) => {
    const result = await run("hi", option, value);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`'${option}'`);
  });

  it("Should set the exit code and keep stdout empty as `repay intent`, on the process's own streams", async () => {
    const good = await repay(["intent", "STOP"]);
    expect([good.code, good.stdout, good.stderr]).toEqual([0, '{"intent":"opt_out"}\n', ""]);
    const bad = await repay(["intent", "hi", "--tz", "Nowhere/Special"]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/^error: option '--tz' .*\n$/);
  });
});
