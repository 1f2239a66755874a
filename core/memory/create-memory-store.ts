// The whole Store in memory: for tests, the console demo and the nudge simulator.
import type { Store } from "../ports/store.ts";
import { memoryAudit } from "./memory-audit.ts";
import { memoryBorrowers } from "./memory-borrowers.ts";
import { memoryContactControls } from "./memory-contact-controls.ts";
import { memoryConsentLog, memoryContactPoints } from "./memory-contact-points.ts";
import type { MemoryContext } from "./memory-context.ts";
import { memoryConversation } from "./memory-conversation.ts";
import { memoryDecisions } from "./memory-decisions.ts";
import { withDeliveries } from "./memory-deliveries.ts";
import { memoryHandoffs } from "./memory-handoffs.ts";
import { memoryIdentities } from "./memory-identities.ts";
import { memoryLinkCodes } from "./memory-link-codes.ts";
import { memoryLoans } from "./memory-loans.ts";
import { memoryOutbox } from "./memory-outbox.ts";
import { memoryPeriodClaims } from "./memory-period-claims.ts";
import { memoryPlanning } from "./memory-planning.ts";
import { memoryPlans } from "./memory-plans.ts";
import { memoryPortfolio } from "./memory-portfolio.ts";
import { memoryTransactions } from "./memory-transactions.ts";

export interface MemoryStoreOptions {
  /** Now as a UTC ISO instant; stamps `recordedAt`. Default: the system clock. */
  readonly clock?: () => string;
  /** New row ids. Default: "m000000000001", ... (text order is creation order). */
  readonly ids?: () => string;
}

function sequentialIds(): () => string {
  let next = 0;
  return () => `m${String(++next).padStart(12, "0")}`;
}

/**
 * A Store that keeps everything in maps, with the database's rules: unique refs and keys,
 * idempotent records, single-use link codes, dedupe keys, exclusive outbox claims, plans
 * accepted once and one active handoff per borrower.
 *
 * @example const store = createMemoryStore({ clock: () => "2026-03-01T10:00:00.000Z" });
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const context: MemoryContext = {
    clock: options.clock ?? (() => new Date().toISOString()),
    ids: options.ids ?? sequentialIds(),
    borrowers: new Map(),
    loans: new Map(),
  };
  const audit = memoryAudit();
  const { outbox, deliveries } = withDeliveries(memoryOutbox(context));
  const contact = memoryContactControls(context);
  const plans = memoryPlans(context);
  const transactions = memoryTransactions(context, audit);
  const borrowers = memoryBorrowers(context);
  const loans = memoryLoans(context, transactions);
  const identities = memoryIdentities(context, { contact, loans });
  const conversation = memoryConversation(context);
  const handoffs = memoryHandoffs(context);
  const contactPoints = memoryContactPoints(context);
  const consent = memoryConsentLog(context);
  let queue: Promise<unknown> = Promise.resolve();
  const store: Store = {
    borrowers,
    loans,
    transactions,
    identities,
    linkCodes: memoryLinkCodes(context),
    conversation,
    contact,
    audit,
    outbox,
    plans,
    handoffs,
    contactPoints,
    consent,
    deliveries,
    decisions: memoryDecisions(),
    portfolio: memoryPortfolio(context, { contact, plans, outbox, transactions }),
    planning: memoryPlanning({
      loans,
      borrowers,
      contact,
      transactions,
      outbox,
      identities,
      conversation,
      handoffs,
      consent,
      contactPoints,
    }),
    periods: memoryPeriodClaims(),
    // One piece of work at a time, in call order: no other atomic work interleaves with it.
    atomic(work) {
      const run = queue.then(() => work(inside));
      queue = run.catch(() => undefined);
      return run;
    },
  };
  // Work already running alone: an atomic call inside it just runs.
  const inside: Store = { ...store, atomic: (work) => work(inside) };
  return store;
}
