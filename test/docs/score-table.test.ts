// docs/score.md prints the repayment score's points table exactly as core scores with it.
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { scoreTableMarkdown } from "../../core/score/index.ts";

const normalise = (line: string) => line.trim().replace(/\s*\|\s*/g, "|");

describe("docs/score.md", () => {
  it("Should list every factor, band, points and reason of the points table", async () => {
    const doc = await readFile(new URL("../../docs/score.md", import.meta.url), "utf8");
    const lines = new Set(doc.split("\n").map(normalise));
    const rows = scoreTableMarkdown()
      .split("\n")
      .filter((row) => !row.startsWith("|---"));
    for (const row of rows) expect(lines.has(normalise(row)), row).toBe(true);
  });
});
