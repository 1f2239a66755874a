// Port: the whole store an edge needs, one object per concern.
import type { AuditLog } from "./audit.ts";
import type { BorrowerStore } from "./borrowers.ts";
import type { ContactControls } from "./contact-controls.ts";
import type { ConsentLog, ContactPointStore } from "./contact-points.ts";
import type { ConversationLog } from "./conversation.ts";
import type { DecisionLog } from "./decisions.ts";
import type { NudgeDeliveries } from "./deliveries.ts";
import type { HandoffStore } from "./handoffs.ts";
import type { IdentityStore, LinkCodeStore } from "./identities.ts";
import type { LoanStore } from "./loans.ts";
import type { NudgePlanning } from "./nudge-planning.ts";
import type { Outbox } from "./outbox.ts";
import type { PeriodClaims } from "./period-claims.ts";
import type { PlanStore } from "./plans.ts";
import type { PortfolioStore } from "./portfolio.ts";
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
  /**
   * Runs `work` against a store whose writes commit together when `work` resolves, and not at
   * all when it throws or the process dies: an import or an API write is all or nothing.
   * Reads inside see the work's own writes. On Prisma it is one database transaction (the
   * store's own transactions nest in it as savepoints). In memory the work runs alone, one
   * at a time, and is not undone on failure: that store lives and dies with its process, and
   * its writes refuse bad input before they change anything.
   */
  atomic<T>(work: (store: Store) => Promise<T>): Promise<T>;
  readonly contactPoints: ContactPointStore;
  readonly consent: ConsentLog;
  readonly deliveries: NudgeDeliveries;
  /** Every planner and dispatcher decision, for `repay explain` and the agents' cards. */
  readonly decisions: DecisionLog;
  readonly portfolio: PortfolioStore;
  /** The nudge planner's page reads. */
  readonly planning: NudgePlanning;
  /** Once-per-period work for the whole cluster: the first claim of a period wins. */
  readonly periods: PeriodClaims;
}
