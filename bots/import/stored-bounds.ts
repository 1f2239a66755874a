// What the database can store, as limits every imported or posted value is checked against.

/** Money columns are BIGINT minor units: one more than this does not fit. */
export const MAX_MINOR = 2n ** 63n - 1n;

/** Refs sit in unique indexes; the lender API's Idempotency-Key has its own limit. */
export const MAX_REF_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;
/** Rates and percentages are decimal text: a longer one is not a rate anyone means. */
export const MAX_RATE_LENGTH = 24;
export const MAX_AMOUNT_LENGTH = 40;

/** Date columns hold far more; a loan dated outside these years is a typo. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** INTEGER columns: grace days and installment counts stay far below 2^31. */
export const MAX_GRACE_DAYS = 3_650;
export const MAX_TERM_COUNT = 600;

export function tooLarge(minor: bigint): boolean {
  return minor > MAX_MINOR || minor < -MAX_MINOR;
}

export const TOO_LARGE = `is larger than the largest amount stored (${MAX_MINOR} minor units)`;
