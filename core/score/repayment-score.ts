// A borrower's repayment-behaviour score (0-100) from the whole history: lateness (plans included) and promises.
import { daysBetween, type IsoDate } from "../dates/iso-date.ts";
import type { InstallmentState } from "../ledger/loan-state.ts";
import {
  factorTable,
  SCORE_PHRASES,
  SCORE_TABLE,
  type ScoreFactorCode,
  type ScoreLocale,
} from "./score-table.ts";

export interface ScoreInput {
  readonly asOf: IsoDate;
  /** Installments of every loan as the ledger sees them today, rescheduled ones included. */
  readonly installments: readonly Pick<
    InstallmentState,
    "dueDate" | "status" | "paidOn" | "closedOn"
  >[];
  /** Promises to pay; only those settled as kept or broken count. */
  readonly promises: readonly { readonly status: string }[];
}

/** One line of the score: the band it landed in, the points it earned out of its weight, and why. */
export interface ScoreFactor {
  readonly code: ScoreFactorCode;
  /** The band of the points table (score-table.ts), or "unmeasured". */
  readonly band: string;
  readonly points: number;
  readonly maxPoints: number;
  /** The reason in English (agents' default). */
  readonly reason: string;
  /** The reason in each language. */
  readonly reasonIn: Readonly<Record<ScoreLocale, string>>;
}

export interface RepaymentScore {
  readonly score: number;
  readonly grade: "good" | "fair" | "poor";
  readonly factors: readonly ScoreFactor[];
  readonly onTimeRatio: number | undefined;
  /** Installments fallen due that were not paid on time (a plan never lowers this). */
  readonly lateInstallments: number;
  readonly longestDelinquencyDays: number;
  /** Installments a plan replaced after they had fallen due (their lateness still counts). */
  readonly rescheduledPastDue: number;
  readonly promisesKept: number;
  readonly promisesBroken: number;
  /** The factors' reasons, in order. */
  readonly reasons: readonly string[];
}

/** Each factor's most points (the table's weights): on-time 60, delinquency 25, promises 15. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreFactorCode, number>> = Object.fromEntries(
  SCORE_TABLE.map((row) => [row.code, row.maxPoints]),
) as Record<ScoreFactorCode, number>;

interface FallenDue {
  readonly onTime: boolean;
  readonly daysLate: number;
  readonly rescheduled: boolean;
}

/**
 * Every installment that has fallen due counts, including one a plan replaced after its due
 * date: it was not paid on time, and it was late until the plan's date. A plan stops the
 * lateness from growing; it never erases it. An installment replaced before falling due does
 * not count.
 *
 * @example repaymentScore({ asOf: "2026-04-01", installments: state.installments, promises })
 */
export function repaymentScore(input: ScoreInput): RepaymentScore {
  const fallen = input.installments.flatMap((i): FallenDue[] => {
    if (i.dueDate > input.asOf) return [];
    if (i.status === "rescheduled") {
      if (!i.closedOn || i.closedOn < i.dueDate) return [];
      return [{ onTime: false, daysLate: daysBetween(i.dueDate, i.closedOn), rescheduled: true }];
    }
    const settled = i.paidOn ?? input.asOf;
    return [
      {
        onTime: i.paidOn !== undefined && i.paidOn <= i.dueDate,
        daysLate: Math.max(0, daysBetween(i.dueDate, settled)),
        rescheduled: false,
      },
    ];
  });
  const onTime = fallen.filter((f) => f.onTime).length;
  const onTimeRatio = fallen.length === 0 ? undefined : onTime / fallen.length;
  const longest = Math.max(0, ...fallen.map((f) => f.daysLate));
  const rescheduledPastDue = fallen.filter((f) => f.rescheduled).length;
  const kept = input.promises.filter((p) => p.status === "kept").length;
  const broken = input.promises.filter((p) => p.status === "broken").length;

  const settled = kept + broken;
  const factors: ScoreFactor[] = [
    fallen.length === 0
      ? unmeasured("ON_TIME")
      : banded("ON_TIME", percentDown(onTime, fallen.length), {
          onTime: String(onTime),
          due: String(fallen.length),
          percent: String(Math.round((onTime * 100) / fallen.length)),
          replaced: rescheduledPastDue > 0 ? "replaced" : "",
          count: String(rescheduledPastDue),
        }),
    longest === 0
      ? unmeasured("DELINQUENCY", "never")
      : banded("DELINQUENCY", longest, { days: String(longest) }),
    settled === 0
      ? unmeasured("PROMISES")
      : banded("PROMISES", percentDown(kept, settled), {
          kept: String(kept),
          broken: String(broken),
        }),
  ];
  const score = factors.reduce((acc, f) => acc + f.points, 0);
  return {
    score,
    grade: score >= 80 ? "good" : score >= 50 ? "fair" : "poor",
    factors,
    onTimeRatio,
    lateInstallments: fallen.length - onTime,
    longestDelinquencyDays: longest,
    rescheduledPastDue,
    promisesKept: kept,
    promisesBroken: broken,
    reasons: factors.map((f) => f.reason),
  };
}

/** Percent of `part` in `whole`, rounded down, so a band is only reached in full. */
function percentDown(part: number, whole: number): number {
  return Math.floor((part * 100) / whole);
}

const LOCALES: readonly ScoreLocale[] = ["en", "zh-CN"];

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function factorOf(
  code: ScoreFactorCode,
  band: string,
  points: number,
  texts: (locale: ScoreLocale) => string,
): ScoreFactor {
  const reasonIn = Object.fromEntries(LOCALES.map((l) => [l, texts(l)])) as Record<
    ScoreLocale,
    string
  >;
  return {
    code,
    band,
    points,
    maxPoints: factorTable(code).maxPoints,
    reason: reasonIn.en,
    reasonIn,
  };
}

function unmeasured(code: ScoreFactorCode, band = "unmeasured"): ScoreFactor {
  const row = factorTable(code);
  return factorOf(code, band, row.unmeasured, (l) => row.unmeasuredReason[l]);
}

/** The first band whose lower bound `value` meets, with its reason filled from `values`. */
function banded(
  code: ScoreFactorCode,
  value: number,
  values: Readonly<Record<string, string>>,
): ScoreFactor {
  const row = factorTable(code);
  const band =
    row.bands.find((b) => value >= b.from) ?? (row.bands.at(-1) as (typeof row.bands)[number]);
  return factorOf(code, band.band, band.points, (l) => {
    const replaced = values.replaced ? fill(SCORE_PHRASES.replaced[l], values) : "";
    return fill(row.reason[l], { ...values, replaced });
  });
}
