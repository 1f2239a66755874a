// Every domain error code in one place, so edges can map them to replies and HTTP statuses.

export const ErrorCode = {
  UnknownCurrency: "UNKNOWN_CURRENCY",
  CurrencyMismatch: "CURRENCY_MISMATCH",
  InvalidAmount: "INVALID_AMOUNT",
  InvalidRate: "INVALID_RATE",
  InvalidDate: "INVALID_DATE",
  InvalidRatios: "INVALID_RATIOS",
  DivisionByZero: "DIVISION_BY_ZERO",
  InvalidTerms: "INVALID_TERMS",
  InvalidTransaction: "INVALID_TRANSACTION",
  InvalidPlanRequest: "INVALID_PLAN_REQUEST",
  InvalidIntentContext: "INVALID_INTENT_CONTEXT",
  InvalidInstant: "INVALID_INSTANT",
  InvalidTimeZone: "INVALID_TIME_ZONE",
  InvalidProfile: "INVALID_PROFILE",
  UnknownProfile: "UNKNOWN_PROFILE",
  TemplateMissing: "TEMPLATE_MISSING",
  InvalidWaiverCap: "INVALID_WAIVER_CAP",
  InvalidDisclosure: "INVALID_DISCLOSURE",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
