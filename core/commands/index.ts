// Public API of commands: each agent or borrower action validated, written and audited in one transaction.
export {
  type AcceptPlanInput,
  type AcceptPlanResult,
  acceptProposedPlan,
} from "./accept-proposed-plan.ts";
export { type AddNoteInput, addNote } from "./add-note.ts";
export { type ClaimHandoffInput, type ClaimHandoffResult, claimHandoff } from "./claim-handoff.ts";
export { type CommandAudit, commandAudit } from "./command-audit.ts";
export { CommandErrorCode } from "./command-errors.ts";
export { type IssueLinkCodeInput, issueLinkCode } from "./issue-link-code.ts";
export { type LiftUnreachableInput, liftUnreachable } from "./lift-unreachable.ts";
export { type LinkChatInput, linkByCode, linkByPhone } from "./link-chat.ts";
export { type MarkDisputeInput, type MarkDisputeResult, markDispute } from "./mark-dispute.ts";
export {
  AGENT_PAUSE_REASONS,
  MAX_PAUSE_DAYS,
  type PauseNudgesInput,
  type PauseNudgesResult,
  pauseNudges,
} from "./pause-nudges.ts";
export { type PauseLine, pauseSummary } from "./pause-summary.ts";
export { type PlanDeliveryInput, recordPlanDelivery } from "./plan-delivery.ts";
export {
  type LoanPlanOptions,
  loanPlanOptions,
  type ProposePlanInput,
  type ProposePlanResult,
  proposePlan,
} from "./propose-plan.ts";
export { type ReleaseHandoffInput, releaseHandoff } from "./release-handoff.ts";
export {
  MANUAL_PAUSE_REASONS,
  type ResumeNudgesInput,
  type ResumeNudgesResult,
  resumeNudges,
} from "./resume-nudges.ts";
export {
  type WaiveChargeInput,
  type WaiveChargeResult,
  waiveCharge,
  waiverRefused,
} from "./waive-charge.ts";
