// Measures rule accuracy on hand-labelled borrower messages in both languages, and holds a floor.
import { describe, expect, it } from "vitest";
import { type Language, understand } from "../../../core/intents/index.ts";
import { contextFor, type LabelledUtterance, readLabelled } from "./builders.ts";

interface Tally {
  total: number;
  intent: number;
  dated: number;
  date: number;
  amounted: number;
  amount: number;
}

function emptyTally(): Tally {
  return { total: 0, intent: 0, dated: 0, date: 0, amounted: 0, amount: 0 };
}

function ratio(hits: number, total: number): number | null {
  return total === 0 ? null : Math.round((hits / total) * 1000) / 1000;
}

function summary(tally: Tally) {
  return {
    n: tally.total,
    intent: ratio(tally.intent, tally.total),
    date: ratio(tally.date, tally.dated),
    amount: ratio(tally.amount, tally.amounted),
  };
}

/** Scores every utterance of a fixture; dates and amounts only where the line labels them. */
function measure(utterances: readonly LabelledUtterance[]) {
  const tallies: Record<Language | "all", Tally> = {
    en: emptyTally(),
    "zh-CN": emptyTally(),
    all: emptyTally(),
  };
  const misses: unknown[] = [];
  for (const utterance of utterances) {
    const overrides = utterance.zone === undefined ? {} : { timeZone: utterance.zone };
    const result = understand(utterance.text, contextFor(utterance.locale, overrides));
    const intentOk = result.intent === utterance.intent;
    const dateOk = utterance.date === undefined || result.entities.date === utterance.date;
    const amountOk = utterance.amount === undefined || result.entities.amount === utterance.amount;
    for (const tally of [tallies[utterance.locale], tallies.all]) {
      tally.total += 1;
      tally.intent += intentOk ? 1 : 0;
      tally.dated += utterance.date === undefined ? 0 : 1;
      tally.date += utterance.date !== undefined && dateOk ? 1 : 0;
      tally.amounted += utterance.amount === undefined ? 0 : 1;
      tally.amount += utterance.amount !== undefined && amountOk ? 1 : 0;
    }
    if (!intentOk || !dateOk || !amountOk) {
      misses.push({
        ...utterance,
        got: { intent: result.intent, rule: result.rule, ...result.entities },
      });
    }
  }
  const report = {
    overall: summary(tallies.all),
    en: summary(tallies.en),
    "zh-CN": summary(tallies["zh-CN"]),
  };
  return { tallies, report, misses };
}

describe("labelled utterances (the set the rules were tuned on)", () => {
  const utterances = readLabelled("labelled.jsonl");
  const { tallies, report, misses } = measure(utterances);
  console.log(JSON.stringify({ fixture: "labelled", accuracy: report }));
  if (misses.length > 0) console.log(JSON.stringify({ fixture: "labelled", misses }));

  it("Should have at least 180 utterances in both languages", () => {
    expect(utterances.length).toBeGreaterThanOrEqual(180);
    expect(tallies.en.total).toBeGreaterThan(60);
    expect(tallies["zh-CN"].total).toBeGreaterThan(60);
  });

  it("Should name the intent right for at least 90% of utterances", () => {
    expect(tallies.all.intent / tallies.all.total).toBeGreaterThanOrEqual(0.9);
  });

  it("Should resolve labelled dates and amounts right for at least 90% of them", () => {
    expect(tallies.all.date / tallies.all.dated).toBeGreaterThanOrEqual(0.9);
    expect(tallies.all.amount / tallies.all.amounted).toBeGreaterThanOrEqual(0.9);
  });
});

describe("held-out utterances (written after tuning, never tuned on)", () => {
  const { tallies, report, misses } = measure(readLabelled("held-out.jsonl"));
  console.log(JSON.stringify({ fixture: "held-out", accuracy: report }));
  if (misses.length > 0) console.log(JSON.stringify({ fixture: "held-out", misses }));

  it("Should stay above a floor that catches regressions", () => {
    expect(tallies.all.intent / tallies.all.total).toBeGreaterThanOrEqual(0.75);
  });
});
