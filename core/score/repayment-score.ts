// A borrower's repayment-behaviour score (0-100) from the whole history: lateness (plans included) and promises.
import { daysBetween, type IsoDate } from "../dates/iso-date.ts";
import type { InstallmentState } from "../ledger/loan-state.ts";

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

export type ScoreFactorCode = "ON_TIME" | "DELINQUENCY" | "PROMISES";

/** One line of the score: what it measures, the points it earned out of its weight, and why. */
export interface ScoreFactor {
  readonly code: ScoreFactorCode;
  readonly points: number;
  readonly maxPoints: number;
  readonly reason: string;
}

export interface RepaymentScore {
  readonly score: number;
  readonly grade: "good" | "fair" | "poor";
  readonly factors: readonly ScoreFactor[];
  readonly onTimeRatio: number | undefined;
  readonly longestDelinquencyDays: number;
  /** Installments a plan replaced after they had fallen due (their lateness still counts). */
  readonly rescheduledPastDue: number;
  readonly promisesKept: number;
  readonly promisesBroken: number;
  /** The factors' reasons, in order. */
  readonly reasons: readonly string[];
}

/** Weights: on-time history 60, worst delinquency 25 (zero at 90+ days), promises 15. */
export const SCORE_WEIGHTS: Readonly<Record<ScoreFactorCode, number>> = {
  ON_TIME: 60,
  DELINQUENCY: 25,
  PROMISES: 15,
};
const DELINQUENCY_FLOOR_DAYS = 90;

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

  const factors: ScoreFactor[] = [
    factor(
      "ON_TIME",
      onTimeRatio ?? 1,
      onTimeRatio === undefined
        ? "no installment has fallen due yet"
        : `${onTime} of ${fallen.length} installments paid on time (${Math.round(onTimeRatio * 100)}%)` +
            (rescheduledPastDue > 0
              ? `, ${rescheduledPastDue} of them overdue when a plan replaced them`
              : ""),
    ),
    factor(
      "DELINQUENCY",
      Math.max(0, 1 - longest / DELINQUENCY_FLOOR_DAYS),
      longest === 0 ? "never past due" : `longest delinquency ${longest} days`,
    ),
    factor(
      "PROMISES",
      kept + broken === 0 ? 1 : kept / (kept + broken),
      kept + broken === 0
        ? "no promises to pay settled yet"
        : `promises: ${kept} kept, ${broken} broken`,
    ),
  ];
  const score = Math.round(factors.reduce((acc, f) => acc + f.points, 0));
  return {
    score,
    grade: score >= 80 ? "good" : score >= 50 ? "fair" : "poor",
    factors,
    onTimeRatio,
    longestDelinquencyDays: longest,
    rescheduledPastDue,
    promisesKept: kept,
    promisesBroken: broken,
    reasons: factors.map((f) => f.reason),
  };
}

function factor(code: ScoreFactorCode, share: number, reason: string): ScoreFactor {
  const maxPoints = SCORE_WEIGHTS[code];
  return { code, points: maxPoints * share, maxPoints, reason };
}
