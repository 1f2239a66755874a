// Scores a way of reading messages against labelled ones: accuracy, confidently wrong, questions, speed.
import { performance } from "node:perf_hooks";
import type { CorpusLine } from "../../bots/cli/intent-corpus.ts";
import type { IntentContext, Language, Understanding } from "../../core/intents/index.ts";

export type Reader = (text: string, context: IntentContext) => Understanding;

/** Wednesday 2026-03-04, as in the intent tests: dates in the fixtures resolve from here. */
const NOW = "2026-03-04T10:00:00Z";
const ZONE: Readonly<Record<Language, string>> = {
  en: "America/New_York",
  "zh-CN": "Asia/Shanghai",
};

export function contextOf(line: CorpusLine): IntentContext {
  return { locale: line.locale, timeZone: line.zone ?? ZONE[line.locale], now: NOW };
}

export interface Scores {
  n: number;
  /** The reading's intent (asked about or not) is the labelled one. */
  accuracy: number;
  /** Acted on without asking, a known intent, and not the labelled one. */
  confidentlyWrong: number;
  /** Answered with a question ("Did you mean ...?" or a confirmation). */
  clarifying: number;
  /** Of the questions, the share that offered the labelled intent. */
  clarifyingOffersRight: number | null;
  /** Labelled dates and amounts read right, where a line labels them. */
  entities: number | null;
}

interface Tally {
  n: number;
  right: number;
  wrong: number;
  asked: number;
  askedRight: number;
  labelled: number;
  entitiesRight: number;
}

const ratio = (hits: number, total: number) => Math.round((hits / total) * 1000) / 1000;

function finish(t: Tally): Scores {
  return {
    n: t.n,
    accuracy: ratio(t.right, t.n),
    confidentlyWrong: ratio(t.wrong, t.n),
    clarifying: ratio(t.asked, t.n),
    clarifyingOffersRight: t.asked === 0 ? null : ratio(t.askedRight, t.asked),
    entities: t.labelled === 0 ? null : ratio(t.entitiesRight, t.labelled),
  };
}

export interface Miss {
  text: string;
  want: string;
  got: string;
  confidence: number;
  asked: boolean;
}

/** Per language and overall, plus each miss for reading. */
export function score(read: Reader, lines: readonly CorpusLine[]) {
  const empty = (): Tally => ({
    n: 0,
    right: 0,
    wrong: 0,
    asked: 0,
    askedRight: 0,
    labelled: 0,
    entitiesRight: 0,
  });
  const tallies = { overall: empty(), en: empty(), "zh-CN": empty() };
  const misses: Miss[] = [];
  for (const line of lines) {
    const result = read(line.text, contextOf(line));
    const asked = result.alternatives !== undefined;
    const right = result.intent === line.intent;
    const wrong = !asked && !right && result.intent !== "unknown";
    const offered = result.alternatives?.some((entry) => entry.intent === line.intent) ?? false;
    const labels = line.date !== undefined || line.amount !== undefined;
    const entitiesRight =
      (line.date === undefined || result.entities.date === line.date) &&
      (line.amount === undefined || result.entities.amount === line.amount);
    for (const t of [tallies.overall, tallies[line.locale]]) {
      t.n += 1;
      t.right += right ? 1 : 0;
      t.wrong += wrong ? 1 : 0;
      t.asked += asked ? 1 : 0;
      t.askedRight += asked && offered ? 1 : 0;
      t.labelled += labels ? 1 : 0;
      t.entitiesRight += labels && entitiesRight ? 1 : 0;
    }
    if (!right) {
      misses.push({
        text: line.text,
        want: line.intent,
        got: result.intent,
        confidence: result.confidence,
        asked,
      });
    }
  }
  return {
    overall: finish(tallies.overall),
    en: finish(tallies.en),
    "zh-CN": finish(tallies["zh-CN"]),
    misses,
  };
}

/**
 * Milliseconds per message: the fastest of `rounds` passes over all lines, after a warm-up pass.
 * The fastest pass is the one least disturbed by other work on a shared machine.
 */
export function msPerMessage(read: Reader, lines: readonly CorpusLine[], rounds = 7): number {
  for (const line of lines) read(line.text, contextOf(line));
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    for (const line of lines) read(line.text, contextOf(line));
    best = Math.min(best, (performance.now() - started) / lines.length);
  }
  return Math.round(best * 10_000) / 10_000;
}

/**
 * The misses as counts of "labelled -> read (acted|asked)", without the messages: enough to
 * decide what kind of corpus to add without reading, and so tuning on, a held-out file.
 */
export function confusionClasses(misses: readonly Miss[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const miss of misses) {
    const key = `${miss.want} -> ${miss.got} (${miss.asked ? "asked" : "acted"})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}
