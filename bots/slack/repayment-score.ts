// A borrower's repayment-behaviour score (0-100) with the reasons behind it: pure, from loan state and promises.
import { daysBetween, type IsoDate } from "../../core/dates/iso-date.ts";
import type { InstallmentState } from "../../core/ledger/index.ts";

export interface ScoreInput {
  readonly asOf: IsoDate;
  /** Installments of every loan, as the ledger sees them today. */
  readonly installments: readonly InstallmentState[];
  readonly promises: readonly { readonly status: "open" | "kept" | "broken" }[];
}

export interface RepaymentScore {
  readonly score: number;
  readonly grade: "good" | "fair" | "poor";
  readonly onTimeRatio: number | undefined;
  readonly longestDelinquencyDays: number;
  readonly promisesKept: number;
  readonly promisesBroken: number;
  readonly reasons: readonly string[];
}

/** Weights: on-time history 60, worst delinquency 25 (zero at 90+ days), promises 15. */
const WEIGHTS = { onTime: 60, delinquency: 25, promises: 15 } as const;
const DELINQUENCY_FLOOR_DAYS = 90;

/**
 * @example repaymentScore({ asOf: "2026-04-01", installments: state.installments, promises })
 */
export function repaymentScore(input: ScoreInput): RepaymentScore {
  const fallenDue = input.installments.filter(
    (i) => i.status !== "rescheduled" && i.dueDate <= input.asOf,
  );
  const onTime = fallenDue.filter((i) => i.paidOn !== undefined && i.paidOn <= i.dueDate).length;
  const onTimeRatio = fallenDue.length === 0 ? undefined : onTime / fallenDue.length;
  const lateness = fallenDue.map((i) =>
    Math.max(0, daysBetween(i.dueDate, i.paidOn ?? input.asOf)),
  );
  const longest = Math.max(0, ...lateness);
  const kept = input.promises.filter((p) => p.status === "kept").length;
  const broken = input.promises.filter((p) => p.status === "broken").length;

  const onTimePart = onTimeRatio ?? 1;
  const delinquencyPart = Math.max(0, 1 - longest / DELINQUENCY_FLOOR_DAYS);
  const promisePart = kept + broken === 0 ? 1 : kept / (kept + broken);
  const score = Math.round(
    WEIGHTS.onTime * onTimePart +
      WEIGHTS.delinquency * delinquencyPart +
      WEIGHTS.promises * promisePart,
  );
  const reasons = [
    onTimeRatio === undefined
      ? "no installment has fallen due yet"
      : `${onTime} of ${fallenDue.length} installments paid on time (${Math.round(onTimeRatio * 100)}%)`,
    longest === 0 ? "never past due" : `longest delinquency ${longest} days`,
    kept + broken === 0
      ? "no promises to pay settled yet"
      : `promises: ${kept} kept, ${broken} broken`,
  ];
  return {
    score,
    grade: score >= 80 ? "good" : score >= 50 ? "fair" : "poor",
    onTimeRatio,
    longestDelinquencyDays: longest,
    promisesKept: kept,
    promisesBroken: broken,
    reasons,
  };
}
