// The ports the edges implement (prisma/store) and the in-memory store implements (core/ports/memory).
export type { AuditEntry, AuditLog } from "./audit.ts";
export type {
  Borrower,
  BorrowerFlags,
  BorrowerInput,
  BorrowerStore,
  BorrowerUpsert,
  Locale,
  UpsertChange,
} from "./borrowers.ts";
export {
  type ChannelSender,
  isSendError,
  type OutboundNudge,
  type PreparedSend,
  SendError,
} from "./channel-sender.ts";
export type { ContactControls, Pause, PauseReason, PromiseToPay } from "./contact-controls.ts";
export type {
  ConsentEvent,
  ConsentEventKind,
  ConsentLog,
  ContactPointStore,
  ContactPreferences,
  ContactPreferencesInput,
} from "./contact-points.ts";
export type { ContactRecord, ContactRecords, OptOutEvent } from "./contact-records.ts";
export type { ConversationLog, ConversationMessage } from "./conversation.ts";
export type { DecisionLog, DecisionOutcome, NudgeDecision } from "./decisions.ts";
export type { Delivery, DeliveryStatus, NudgeDeliveries } from "./deliveries.ts";
export { type HandoffNotifier, noHandoffNotifier } from "./handoff-notifier.ts";
export type { Handoff, HandoffStatus, HandoffStore } from "./handoffs.ts";
export type {
  BorrowerForMessage,
  Channel,
  ChannelIdentity,
  IdentityStore,
  LinkCodeStore,
} from "./identities.ts";
export type {
  LoanInput,
  LoanRef,
  LoanStatus,
  LoanStore,
  LoanWithTransactions,
  NextNudge,
  StoredLoan,
} from "./loans.ts";
export { lookAgain } from "./look-again.ts";
export type { BorrowerContactRecords, DuePage, NudgePlanning } from "./nudge-planning.ts";
export type { BorrowerHold, NudgeRow, NudgeStatus, Outbox, PlannedNudge } from "./outbox.ts";
export type { PayLink } from "./pay-link.ts";
export type { PeriodClaims } from "./period-claims.ts";
export type { PlanStatus, PlanStore, StoredPlan } from "./plans.ts";
export type {
  BucketFigure,
  ChangedLoans,
  CollectedWeek,
  LoanPosition,
  PortfolioCounts,
  PortfolioStore,
  RollFigure,
} from "./portfolio.ts";
export type { Store } from "./store.ts";
export type {
  CheckedRecord,
  CheckedWrite,
  StoredTransaction,
  TransactionEntry,
  TransactionStore,
} from "./transactions.ts";
