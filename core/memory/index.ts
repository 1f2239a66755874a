// Public API of memory: the in-memory Store, and the rules every Store implementation shares.
export { type BorrowerQuery, borrowerMatches, borrowerQuery } from "./borrower-search.ts";
export { borrowerFrom, givenFlags, NO_FLAGS, sameBorrower } from "./canonical-borrower.ts";
export { canonicalLoanInput, sameLoan, sameTerms } from "./canonical-loan.ts";
export { canonicalInstallment, canonicalTransaction } from "./canonical-transaction.ts";
export { createMemoryStore, type MemoryStoreOptions } from "./create-memory-store.ts";
export { formatRateExact } from "./format-rate-exact.ts";
export {
  type InstallmentJson,
  installmentFromJson,
  installmentToJson,
} from "./installment-json.ts";
export { toInstant } from "./instant.ts";
export { toJsonPayload } from "./json-payload.ts";
export {
  memoryHandoffNotifier,
  type RecordingHandoffNotifier,
} from "./memory-handoff-notifier.ts";
export { LEASE_EXPIRED, mergeReasonCodes } from "./outbox-rules.ts";
export { MAX_PAGE_SIZE, pageLimit } from "./page-limit.ts";
export { type PlanOptionJson, planOptionFromJson, planOptionToJson } from "./plan-option-json.ts";
export { conflict, notFound, StoreErrorCode } from "./store-errors.ts";
