// The repayment score's points table: each factor's bands, the points each earns, the reason in words.
//
// Like a lender's scorecard: a borrower lands in one band per factor, the band's points add up to
// the score (0-100), and the band's reason says why in the borrower's or the agent's language.
// docs/score.md prints this table; a test keeps the two the same.

export type ScoreLocale = "en" | "zh-CN";
export type ScoreFactorCode = "ON_TIME" | "DELINQUENCY" | "PROMISES";

/** One band of a factor: from `from` (inclusive) up to the next band, worth `points`. */
export interface ScoreBand {
  readonly band: string;
  /** Lower bound: percent on time or kept (higher is better), or days late (lower is better). */
  readonly from: number;
  readonly points: number;
}

export interface ScoreFactorTable {
  readonly code: ScoreFactorCode;
  readonly measures: string;
  readonly maxPoints: number;
  /** Points when there is nothing to measure yet (no installment due, no promise settled). */
  readonly unmeasured: number;
  /** Ordered so the first band whose `from` the value meets applies. */
  readonly bands: readonly ScoreBand[];
  /** The reason, with `{variables}` from the borrower's figures. */
  readonly reason: Readonly<Record<ScoreLocale, string>>;
  readonly unmeasuredReason: Readonly<Record<ScoreLocale, string>>;
}

export const SCORE_TABLE: readonly ScoreFactorTable[] = [
  {
    code: "ON_TIME",
    measures: "share of fallen-due installments paid on or before their due date (plans included)",
    maxPoints: 60,
    unmeasured: 60,
    // Percent on time, rounded down: 89.9% is in the 75% band.
    bands: [
      { band: "all", from: 100, points: 60 },
      { band: "90%+", from: 90, points: 50 },
      { band: "75%+", from: 75, points: 40 },
      { band: "50%+", from: 50, points: 25 },
      { band: "some", from: 1, points: 10 },
      { band: "none", from: 0, points: 0 },
    ],
    reason: {
      en: "{onTime} of {due} installments paid on time ({percent}%){replaced}",
      "zh-CN": "{due}期中按时还款{onTime}期（{percent}%）{replaced}",
    },
    unmeasuredReason: {
      en: "no installment has fallen due yet",
      "zh-CN": "尚无到期的分期",
    },
  },
  {
    code: "DELINQUENCY",
    measures: "longest days any installment was past due (a plan stops the count, never erases it)",
    maxPoints: 25,
    unmeasured: 25,
    // Days late: the first band whose `from` is at most the longest delinquency applies.
    bands: [
      { band: "90+ days", from: 90, points: 0 },
      { band: "61-89 days", from: 61, points: 2 },
      { band: "31-60 days", from: 31, points: 6 },
      { band: "16-30 days", from: 16, points: 12 },
      { band: "6-15 days", from: 6, points: 17 },
      { band: "1-5 days", from: 1, points: 22 },
    ],
    reason: {
      en: "longest delinquency {days} days",
      "zh-CN": "最长逾期{days}天",
    },
    // No day past due: the full 25.
    unmeasuredReason: {
      en: "never past due",
      "zh-CN": "从未逾期",
    },
  },
  {
    code: "PROMISES",
    measures: "share of settled promises to pay that were kept",
    maxPoints: 15,
    unmeasured: 15,
    bands: [
      { band: "all kept", from: 100, points: 15 },
      { band: "75%+", from: 75, points: 12 },
      { band: "50%+", from: 50, points: 8 },
      { band: "some", from: 1, points: 4 },
      { band: "none kept", from: 0, points: 0 },
    ],
    reason: {
      en: "promises: {kept} kept, {broken} broken",
      "zh-CN": "还款承诺：兑现{kept}次，未兑现{broken}次",
    },
    unmeasuredReason: {
      en: "no promises to pay settled yet",
      "zh-CN": "尚无到期的还款承诺",
    },
  },
];

/** The words around a variable part of a reason, per locale. */
export const SCORE_PHRASES = {
  replaced: {
    en: ", {count} of them overdue when a plan replaced them",
    "zh-CN": "，其中{count}期在被还款计划替换时已逾期",
  },
} as const satisfies Record<string, Readonly<Record<ScoreLocale, string>>>;

/** A factor's row of the table. */
export function factorTable(code: ScoreFactorCode): ScoreFactorTable {
  return SCORE_TABLE.find((row) => row.code === code) as ScoreFactorTable;
}
