// Public API of the contact policy: profiles, the cadence, and decide() with its reason codes.

export {
  type BorrowerContext,
  type ContactReads,
  contextFrom,
  decideForLoan,
  type LoanToday,
  loanTodayFrom,
} from "./borrower-context.ts";
export {
  agentEscalationDue,
  type CadenceContext,
  type CadenceSlot,
  cadenceAnchor,
  hasSomethingDue,
  type NudgeKind,
  type NudgeOpportunity,
  nextOpportunityAt,
  nudgeDedupeKey,
  nudgeOpportunity,
} from "./cadence.ts";
export { decide } from "./decide.ts";
export {
  type DecisionListener,
  localInstant,
  type NudgeDecisionEvent,
  type NudgeOutcome,
} from "./decision-event.ts";
export type {
  BorrowerFlags,
  Channel,
  ContactRecord,
  DecideInput,
  Decision,
  InboundMessage,
  PolicyBorrower,
  PolicyPause,
  PolicyPauseReason,
} from "./inputs.ts";
export {
  cadenceContext,
  deferredUntil,
  nextNudgeAfterToday,
  RECHECK_DAYS,
  windowOpeningAt,
} from "./next-nudge-at.ts";
export { type DueLoan, type FactsInput, messageKind, nudgeFacts } from "./nudge-facts.ts";
export {
  claimMessageId,
  contactHistory,
  contactMessageId,
  inboundMessages,
  lastLocalDate,
  policyPauses,
  unreachableChannelOf,
  unreachableChannels,
} from "./policy-inputs.ts";
export {
  type CadenceRules,
  type ContactProfile,
  contactProfile,
  contactProfiles,
  defineProfile,
  effectiveWeeklyCap,
  HARD_CEILING_PER_7_DAYS,
  type ProfileName,
  type SendWindow,
} from "./profiles.ts";
export { REASON_CODES, type ReasonCode } from "./reasons.ts";
export { isInsideSendWindow, nextSendWindowAt } from "./send-window.ts";
