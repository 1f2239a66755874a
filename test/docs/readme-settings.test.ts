// Every environment variable the product reads (bots/, prisma/) is a row of the README's settings table.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

/** `env.X`, `env?.X`, `process.env.X`, `env["X"]` and `const { X } = process.env`, outside comments. */
function envNamesIn(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
  const names = new Set<string>();
  for (const m of code.matchAll(/\benv\??\.([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1] as string);
  for (const m of code.matchAll(/\benv\[\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\]/g))
    names.add(m[1] as string);
  for (const m of code.matchAll(/\{([^}]*)\}\s*=\s*process\.env\b/g)) {
    for (const name of (m[1] as string).match(/\b[A-Z][A-Z0-9_]*\b/g) ?? []) names.add(name);
  }
  return [...names];
}

/** The backticked names in the first column of the table under "### Settings". */
function settingsTable(readme: string): Set<string> {
  const section = readme.split(/^### Settings.*$/m)[1]?.split(/^#/m)[0] ?? "";
  const names = new Set<string>();
  for (const row of section.split("\n").filter((line) => line.startsWith("|"))) {
    const first = row.split("|")[1] ?? "";
    for (const m of first.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(m[1] as string);
  }
  return names;
}

describe("README settings table", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const documented = settingsTable(readme);
  const read = new Map<string, string>();
  for (const file of [...tsFiles(join(ROOT, "bots")), ...tsFiles(join(ROOT, "prisma"))]) {
    for (const name of envNamesIn(readFileSync(file, "utf8"))) {
      if (!read.has(name)) read.set(name, relative(ROOT, file));
    }
  }

  it("Should find the variables the code reads (the scan itself works)", () => {
    expect([...read.keys()]).toEqual(
      expect.arrayContaining(["REPAY_DATA_DIR", "TELEGRAM_BOT_TOKEN", "SLACK_PORT"]),
    );
    expect(envNamesIn('const { A_B, C } = process.env; env["D_E"]; env?.F;\n  // env.G')).toEqual([
      "F",
      "D_E",
      "A_B",
      "C",
    ]);
  });

  it("Should list every variable the code reads in the README's settings table", () => {
    const missing = [...read]
      .filter(([name]) => !documented.has(name))
      .map(([n, f]) => `${n} (${f})`);
    expect(missing).toEqual([]);
  });
});
