// Public API of fees: late-fee terms and the all-in rate-cap ceiling.

export { costCeiling, type PrincipalPeriod } from "./cost-ceiling.ts";
export { lateFeeAmount } from "./late-fee.ts";
export type { LateFeeTerms } from "./late-fee-terms.ts";
