// Port: the whole store an edge needs, one object per concern.
import type { AuditLog } from "./audit.ts";
import type { BorrowerStore } from "./borrowers.ts";
import type { ContactControls } from "./contact-controls.ts";
import type { ConsentLog, ContactPointStore } from "./contact-points.ts";
import type { ConversationLog } from "./conversation.ts";
import type { NudgeDeliveries } from "./deliveries.ts";
import type { HandoffStore } from "./handoffs.ts";
import type { IdentityStore, LinkCodeStore } from "./identities.ts";
import type { LoanStore } from "./loans.ts";
import type { Outbox } from "./outbox.ts";
import type { PlanStore } from "./plans.ts";
import type { TransactionStore } from "./transactions.ts";

export interface Store {
  readonly borrowers: BorrowerStore;
  readonly loans: LoanStore;
  readonly transactions: TransactionStore;
  readonly identities: IdentityStore;
  readonly linkCodes: LinkCodeStore;
  readonly conversation: ConversationLog;
  readonly contact: ContactControls;
  readonly audit: AuditLog;
  readonly outbox: Outbox;
  readonly plans: PlanStore;
  readonly handoffs: HandoffStore;
  readonly contactPoints: ContactPointStore;
  readonly consent: ConsentLog;
  readonly deliveries: NudgeDeliveries;
}
