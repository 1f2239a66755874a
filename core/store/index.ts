// Public API of store: the rules every Store implementation shares (in memory and on Prisma).
export {
  type BorrowerQuery,
  borrowerMatches,
  borrowerQuery,
  compareBorrowers,
} from "./borrower-search.ts";
export { borrowerFrom, givenFlags, NO_FLAGS, sameBorrower } from "./canonical-borrower.ts";
export {
  canonicalLateFee,
  canonicalLoanInput,
  canonicalTerms,
  sameLoan,
  sameTerms,
} from "./canonical-loan.ts";
export { canonicalInstallment, canonicalTransaction } from "./canonical-transaction.ts";
export { checkPositions } from "./check-positions.ts";
export { type ContactRecordsByKind, contactRecordsFor } from "./contact-records-for.ts";
export { formatRateExact } from "./format-rate-exact.ts";
export { distinctIds, groupById } from "./group-by-id.ts";
export {
  type InstallmentJson,
  installmentFromJson,
  installmentToJson,
} from "./installment-json.ts";
export { toInstant } from "./instant.ts";
export { toJsonPayload } from "./json-payload.ts";
export { byKeyThenId } from "./key-then-id.ts";
export { nextNudgesById } from "./next-nudges-by-id.ts";
export {
  LEASE_EXPIRED,
  mayHaveReachedBorrower,
  mergeReasonCodes,
  UNKNOWN_OUTCOME,
  unknownOutcomeError,
} from "./outbox-rules.ts";
export { MAX_PAGE_SIZE, pageLimit } from "./page-limit.ts";
export { type PlanOptionJson, planOptionFromJson, planOptionToJson } from "./plan-option-json.ts";
export { conflict, notFound, StoreErrorCode } from "./store-errors.ts";
export { storedDecision } from "./stored-decision.ts";
export { assertUniqueRefs } from "./unique-refs.ts";
