// The simulator over the demo book for 90 days: never in quiet hours, never over a cap, never after STOP.
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { demoSimulation } from "../../bots/nudger/simulate/demo-input.ts";
import {
  runSimulation,
  type SimulationLine,
  type SimulationResult,
} from "../../bots/nudger/simulate/run-simulation.ts";
import { repay } from "../cli/run-repay.ts";
import { usdTerms } from "../helpers/builders.ts";

const HOUR_MS = 3_600_000;

/** `repay simulate <args>` with `input` on stdin. */
const run = (args: string[], input = "") => repay(["simulate", ...args], input);

/** One message per borrower and instant: a message about two loans is two lines. */
function messages(lines: readonly SimulationLine[]) {
  const seen = new Map<string, { borrowerId: string; ms: number; local: DateTime }>();
  for (const line of lines) {
    if (line.decision !== "sent") continue;
    seen.set(`${line.borrowerId}@${line.at}`, {
      borrowerId: line.borrowerId,
      ms: Date.parse(line.at),
      local: DateTime.fromISO(line.local, { setZone: true }),
    });
  }
  return [...seen.values()].sort((a, b) => a.ms - b.ms);
}

describe("repay simulate over the demo book, 90 days, default profile", () => {
  const lines: SimulationLine[] = [];
  let result: SimulationResult;
  beforeAll(async () => {
    const plan = demoSimulation({
      start: "2026-03-01T00:00:00.000Z",
      days: 90,
      profile: "default",
    });
    result = await runSimulation(plan, (line) => lines.push(line));
  });

  it("Should send reminders, with every decision explained", () => {
    expect(messages(lines).length).toBeGreaterThan(200);
    for (const line of lines) {
      if (line.decision !== "sent") expect(line.reasons.length).toBeGreaterThan(0);
    }
  });

  it("Should send nothing in the borrower's quiet hours (09:00-20:00 local only)", () => {
    const outside = messages(lines).filter((m) => m.local.hour < 9 || m.local.hour >= 20);
    expect(outside).toEqual([]);
  });

  it("Should keep every borrower within 1 a local day, 3 in any 7 days and the ceiling of 7", () => {
    const byBorrower = new Map<string, ReturnType<typeof messages>>();
    for (const m of messages(lines))
      byBorrower.set(m.borrowerId, [...(byBorrower.get(m.borrowerId) ?? []), m]);
    let worstWeek = 0;
    for (const own of byBorrower.values()) {
      const days = new Map<string, number>();
      for (const m of own)
        days.set(m.local.toISODate() as string, (days.get(m.local.toISODate() as string) ?? 0) + 1);
      expect(Math.max(...days.values())).toBeLessThanOrEqual(1);
      for (const m of own) {
        const week = own.filter((o) => o.ms <= m.ms && o.ms > m.ms - 168 * HOUR_MS).length;
        worstWeek = Math.max(worstWeek, week);
      }
    }
    expect(worstWeek).toBeLessThanOrEqual(3);
    expect(worstWeek).toBeLessThanOrEqual(7);
  });

  it("Should send nothing on a channel after the borrower said STOP there", () => {
    expect(result.optOuts.map((o) => o.borrowerId).sort()).toEqual(["B-006", "B-007", "B-017"]);
    for (const optOut of result.optOuts) {
      const after = messages(lines).filter(
        (m) => m.borrowerId === optOut.borrowerId && m.ms >= Date.parse(optOut.at),
      );
      expect(after).toEqual([]);
    }
    expect(lines.some((l) => l.decision === "suppressed" && l.reasons.includes("OPTED_OUT"))).toBe(
      true,
    );
  });

  it("Should tell how to opt out in every reminder", () => {
    for (const line of lines) {
      if (line.decision === "sent") expect(line.text).toMatch(/STOP|退订/);
    }
  });

  it("Should stop reminding a borrower who disputes the debt", () => {
    const disputed = lines.filter((l) => l.borrowerId === "B-019" && l.at > "2026-03-12");
    expect(disputed.filter((l) => l.decision === "sent")).toEqual([]);
    expect(disputed.some((l) => l.reasons.includes("PAUSED_DISPUTE"))).toBe(true);
  });
});

describe("repay simulate, the command", () => {
  it("Should print one JSON line per decision for stdin input", async () => {
    const input = {
      start: "2026-03-01T00:00:00Z",
      days: 5,
      borrowers: [
        {
          id: "b1",
          name: "Ana",
          timezone: "America/New_York",
          loans: [{ id: "l1", ...usdTerms({ firstDueDate: "2026-03-02" }), transactions: [] }],
          events: [{ at: "2026-03-04T15:00:00Z", type: "message", text: "STOP" }],
        },
      ],
    };
    const { code, stdout, stderr } = await run([], JSON.stringify(input));
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as SimulationLine);
    const sent = out.filter((l) => l.decision === "sent");
    expect(sent.map((l) => [l.local.slice(0, 16), l.kind])).toEqual([
      ["2026-02-28T19:00", "pre_due"],
      ["2026-03-02T09:00", "due_today"],
      ["2026-03-03T09:00", "overdue"],
    ]);
    expect(out.at(-1)).toMatchObject({ decision: "suppressed" });
    expect(out.at(-1)?.reasons[0]).toBe("OPTED_OUT");
  });

  it("Should exit 1 with one line naming the field when the input is wrong", async () => {
    const input = {
      start: "2026-03-01T00:00:00Z",
      days: 5,
      borrowers: [
        {
          id: "b1",
          name: "Ana",
          timezone: "America/New_York",
          loans: [{ id: "l1", ...usdTerms({ principal: "abc" }) }],
        },
      ],
    };
    const { code, stdout, stderr } = await run([], JSON.stringify(input));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^error: borrowers\.0\.loans\.0\.principal: /);
  });

  it("Should name a bad time zone", async () => {
    const input = {
      start: "2026-03-01T00:00:00Z",
      days: 5,
      borrowers: [{ id: "b", name: "A", timezone: "Mars/Base", loans: [] }],
    };
    const { code, stderr } = await run([], JSON.stringify(input));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: borrowers\.0\.timezone: must be an IANA time zone/);
  });

  it("Should document the input in --help", async () => {
    const { stdout } = await run(["--help"]);
    expect(stdout).toContain('"borrowers"');
    expect(stdout).toContain("--demo");
    expect(stdout).toContain("--chart");
  });
});
