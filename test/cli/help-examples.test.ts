// Every `repay` command's --help ends with examples, and every option it has appears in one of them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { createProgram } from "../../bots/cli/program.ts";

function allCommands(command: Command, path: string[] = []): Array<[string, Command]> {
  const name = [...path, command.name()].join(" ");
  return [
    [name, command],
    ...command.commands.flatMap((sub) => allCommands(sub, [...path, command.name()])),
  ];
}

/** What `repay <command> --help` prints, help text added after the usage included. */
function helpOf(command: Command): string {
  let text = "";
  command.configureOutput({ writeOut: (chunk) => (text += chunk) });
  command.outputHelp();
  return text;
}

const commands = allCommands(createProgram());

describe("repay --help", () => {
  it("Should cover every command of the tree (the list below is not empty by accident)", () => {
    expect(commands.map(([name]) => name)).toEqual(
      expect.arrayContaining(["repay", "repay schedule", "repay import loans", "repay db seed"]),
    );
  });

  it.each(commands)(
    "Should end `%s --help` with examples that use each of its options",
    (_, command) => {
      const help = helpOf(command);
      const examples = help.split("\nExamples:\n")[1];
      expect(examples, `no Examples: section in\n${help}`).toBeDefined();
      const lines = (examples ?? "")
        .split("\n")
        .filter((line) => line.startsWith("  repay") || /^ {2}[A-Z_]+=\S+ repay /.test(line));
      expect(lines.length).toBeGreaterThan(0);
      for (const option of command.options) {
        if (option.long === "--help") continue;
        expect(examples, `${option.long} has no example`).toContain(option.long);
      }
    },
  );

  it("Should know every command and option the README's `npx repay` lines use", () => {
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    const byName = new Map(commands);
    const uses = [...readme.matchAll(/npx repay ([^`#|\n]*)/g)].map((m) => (m[1] as string).trim());
    expect(uses.length).toBeGreaterThan(10);
    const unknown: string[] = [];
    for (const use of uses) {
      const words = use.split(/\s+/).filter((w) => /^[a-z]+$/.test(w));
      let name = "repay";
      for (const word of words) {
        if (!byName.has(`${name} ${word}`)) break;
        name = `${name} ${word}`;
      }
      const command = byName.get(name) as Command;
      const known = new Set(["--help", ...command.options.map((o) => o.long)]);
      if (name === "repay") known.add("--version");
      for (const flag of use.match(/--[a-z-]+/g) ?? []) {
        if (!known.has(flag)) unknown.push(`${use}: ${flag}`);
      }
      if (name === "repay" && !use.startsWith("--")) unknown.push(`${use}: no such command`);
    }
    expect(unknown).toEqual([]);
  });
});
