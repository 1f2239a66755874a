// The simulator with a scripted model that strays: over 90 days no refused rewording goes out.
import { beforeAll, describe, expect, it } from "vitest";
import { demoSimulation } from "../../bots/nudger/simulate/demo-input.ts";
import { runSimulation, type SimulationLine } from "../../bots/nudger/simulate/run-simulation.ts";
import { numbersRewrite } from "../../bots/nudger/simulate/scripted-rewriter.ts";
import type { SimulationPlan } from "../../bots/nudger/simulate/simulation-input.ts";
import { wordingCounts } from "../../bots/nudger/simulate/wording-stats.ts";
import { rewriteProblem } from "../../core/llm/index.ts";
import { repay } from "../cli/run-repay.ts";

const simulate = (...args: string[]) =>
  repay(["simulate", "--demo", "--start", "2026-03-01T00:00:00Z", ...args]);

const PLAN = demoSimulation({ start: "2026-03-01T00:00:00.000Z", days: 90, profile: "default" });

async function sentLines(plan: SimulationPlan): Promise<SimulationLine[]> {
  const lines: SimulationLine[] = [];
  await runSimulation(plan, (line) => {
    if (line.decision === "sent") lines.push(line);
  });
  return lines;
}

const key = (line: SimulationLine) => `${line.borrowerId}@${line.loanId}@${line.at}`;

describe("repay simulate --demo --llm-script numbers, 90 days", () => {
  let templates: Map<string, string>;
  let worded: SimulationLine[];
  beforeAll(async () => {
    // The model changes words, never when or whom: the same sends, with and without it.
    const plain = await sentLines(PLAN);
    templates = new Map(plain.map((line) => [key(line), line.text as string]));
    worded = await sentLines({ ...PLAN, llm: { script: "numbers" } });
  }, 60_000);

  it("Should send the same nudges at the same instants as without a model", () => {
    expect(worded.map(key)).toEqual([...templates.keys()]);
    expect(worded.every((line) => line.wording !== undefined)).toBe(true);
  });

  it("Should never send a refused rewording: those lines carry the template, word for word", () => {
    const refused = worded.filter((line) => line.wording === "template");
    expect(refused.length).toBeGreaterThan(0);
    for (const line of refused) {
      expect(line.rejectedBecause).toBeTruthy();
      expect(line.text).toBe(templates.get(key(line)));
    }
  });

  it("Should keep every sent text to the template's figures, opt-out line and claims", () => {
    for (const line of worded) {
      const original = templates.get(key(line)) as string;
      const optOut = original.split("\n").at(-1) as string;
      // No allowed facts: every digit, amount, date and link must be one the template had.
      expect(
        rewriteProblem(line.text as string, { original, allowed: [], required: [optOut] }),
      ).toBeUndefined();
    }
  });

  it("Should refuse exactly the rewordings the script spoiled, by reason", () => {
    const counts = wordingCounts(worded);
    const n = counts.offered;
    const spoiled = (k: number) => k % 4 === 0 || k % 9 === 0 || k % 10 === 0;
    const figure = Math.floor(n / 4);
    const threat = Array.from({ length: n }, (_, i) => i + 1).filter(
      (k) => k % 9 === 0 && k % 4 !== 0,
    ).length;
    const all = Array.from({ length: n }, (_, i) => i + 1).filter(spoiled).length;
    console.info(
      `90 days, numbers script: ${n} rewrites offered, ${counts.accepted} accepted, ` +
        `${counts.rejected} rejected (${counts.byReason.map(([r, c]) => `${r} ${c}`).join(", ")})`,
    );
    expect(counts.rejected).toBe(all);
    expect(counts.accepted).toBe(n - all);
    expect(Object.fromEntries(counts.byReason)).toEqual({
      "missing:figure": figure,
      "claim:threat": threat,
      "missing:text": all - figure - threat,
    });
  });

  it("Should spoil a rewording in the ways the script promises", () => {
    const text = "Hi Alex, $130.00 is due Friday, March 6.\nReply STOP to opt out.";
    expect(numbersRewrite(text, 1)).toBe(`A friendly note from us:\n${text}`);
    expect(numbersRewrite(text, 4)).toContain("$130.01");
    expect(numbersRewrite(text, 8)).toContain("$131.00");
    expect(numbersRewrite(text, 9)).toContain("consequences");
    expect(numbersRewrite(text, 10)).not.toContain("STOP");
  });
});

describe("repay simulate --llm-script", () => {
  it("Should say on each sent line whose words went out, and why not the model's", async () => {
    const { code, stdout } = await simulate("--days", "14", "--llm-script", "numbers");
    expect(code).toBe(0);
    const sent = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as SimulationLine)
      .filter((line) => line.decision === "sent");
    expect(sent.some((line) => line.wording === "model")).toBe(true);
    expect(sent.find((line) => line.wording === "template")?.rejectedBecause).toBeTruthy();
  }, 30_000);

  it("Should report rewrites offered, accepted and rejected by reason", async () => {
    const { code, stdout } = await simulate("--days", "14", "--llm-script", "numbers", "--report");
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /Model wording \("numbers" script\): \d+ rewrites offered, \d+ accepted/,
    );
    expect(stdout).toContain("missing:figure");
  }, 30_000);

  it("Should refuse an unknown script, naming the option", async () => {
    const { code, stderr } = await simulate("--llm-script", "chaos");
    expect(code).toBe(1);
    expect(stderr).toContain("--llm-script: must be one of faithful, numbers");
  }, 30_000);
});
