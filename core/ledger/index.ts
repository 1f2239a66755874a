// Public API of the ledger: loan state as of a date from a schedule and its transactions.
export type { Loan } from "./loan.ts";
export type {
  Components,
  InstallmentState,
  InstallmentStatus,
  LoanState,
} from "./loan-state.ts";
export { loanStateAsOf } from "./loan-state-as-of.ts";
export {
  type FeeCharge,
  type Payment,
  type Reschedule,
  type RescheduleInstallment,
  TRANSACTION_TYPES,
  type Transaction,
  type TransactionType,
  type Waiver,
} from "./transaction.ts";
