// Public API of reads: the one read model of a borrower (record, loans as of today, contact records) every edge shares.
export { activeLoanViews, type BorrowerFile, loadBorrowerFile } from "./borrower-file.ts";
export {
  CONTACT_HISTORY_DAYS,
  CONVERSATION_DEPTH,
  contactsSinceAt,
  type KnownReads,
  readContact,
  readContacts,
} from "./contact-reads.ts";
export { byReference, type LoanView, type LoanViewWithPlans, loanView } from "./loan-view.ts";
