// Every code a command refuses with, so adapters can map each to the words their user reads.

export const CommandErrorCode = {
  BorrowerNotFound: "BORROWER_NOT_FOUND",
  LoanNotFound: "LOAN_NOT_FOUND",
  HandoffNotFound: "HANDOFF_NOT_FOUND",
  PlanNotFound: "PLAN_NOT_FOUND",
  /** A note, dispute or waiver given without the words that explain it. */
  ReasonRequired: "REASON_REQUIRED",
  InvalidPause: "INVALID_PAUSE",
  WaiverNotPositive: "WAIVER_NOT_POSITIVE",
  WaiverOverCap: "WAIVER_OVER_CAP",
  WaiverOverOwed: "WAIVER_OVER_OWED",
  /** The plan kind asked for is not among the loan's options today. */
  PlanNotOffered: "PLAN_NOT_OFFERED",
  /** The plan is not (or no longer) proposed: a double tap, or another plan won. */
  PlanNotProposed: "PLAN_NOT_PROPOSED",
  /** Someone else claimed the handoff first, or it is no longer open. */
  HandoffTaken: "HANDOFF_TAKEN",
  /** Only the agent holding a handoff may release it. */
  HandoffNotClaimer: "HANDOFF_NOT_CLAIMER",
  /** The handoff was released already. */
  HandoffNotActive: "HANDOFF_NOT_ACTIVE",
  /** A link code that is malformed, unknown, used or expired. */
  LinkCodeRefused: "LINK_CODE_REFUSED",
  /** No borrower, or more than one, has this phone number on file. */
  PhoneNotMatched: "PHONE_NOT_MATCHED",
} as const;

export type CommandErrorCode = (typeof CommandErrorCode)[keyof typeof CommandErrorCode];
