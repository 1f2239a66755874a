// A borrower's timeline, newest last: messages, nudge decisions, payments, promises, plans, agent actions, consent.
import { formatMoney } from "../../core/money/index.ts";
import type {
  AuditEntry,
  Borrower,
  Channel,
  ConsentEvent,
  NudgeDecision,
  Store,
  StoredLoan,
} from "../../core/ports/index.ts";

interface EntryBase {
  /** UTC ISO instant. */
  readonly at: string;
}

export type TimelineEntry = EntryBase &
  (
    | {
        readonly kind: "message";
        readonly direction: "inbound" | "outbound";
        readonly channel: Channel;
        readonly author: string;
        readonly text: string;
      }
    | {
        readonly kind: "decision";
        readonly decision: NudgeDecision;
        /** The lender's ref of the loan the decision is about, when it still exists. */
        readonly loanRef?: string;
      }
    | {
        readonly kind: "payment";
        /** payment, fee, waiver or reschedule. */
        readonly type: string;
        readonly loanRef: string;
        /** Decimal text in the loan's currency, e.g. "120.00"; absent for a reschedule. */
        readonly amount?: string;
        readonly currency: string;
        /** The value date the lender gave it. */
        readonly date: string;
      }
    | {
        readonly kind: "promise";
        readonly loanRef: string;
        readonly amount: string;
        readonly currency: string;
        readonly promisedFor: string;
        readonly status: string;
      }
    | {
        readonly kind: "plan";
        readonly loanRef: string;
        readonly event: "proposed" | "accepted";
        readonly status: string;
        readonly planKind: string;
        readonly installment: string;
        readonly count: number;
        readonly currency: string;
        readonly by: string;
      }
    | {
        readonly kind: "consent";
        readonly channel: Channel;
        readonly event: ConsentEvent["kind"];
        readonly source: string;
      }
    | {
        /** An entry of the audit log about the borrower or one of their loans. */
        readonly kind: "action";
        /** "agent:U123", "assistant", "import", "api", ... */
        readonly actor: string;
        /** "pause.created", "waiver.granted", "note.added", ... */
        readonly action: string;
        /** The loan's ref when the action was about a loan. */
        readonly loanRef?: string;
        /** The reason the actor gave, when there is one. */
        readonly why?: string;
      }
  );

export interface BorrowerTimeline {
  readonly borrower: Pick<Borrower, "id" | "externalRef" | "name" | "timeZone">;
  readonly since: string;
  readonly until: string;
  readonly entries: readonly TimelineEntry[];
}

/** Entries read per source: the timeline of a very busy borrower shows the newest this many of each. */
export const TIMELINE_SOURCE_LIMIT = 1000;

const KIND_ORDER: Readonly<Record<TimelineEntry["kind"], number>> = {
  consent: 0,
  payment: 1,
  promise: 2,
  plan: 3,
  action: 4,
  message: 5,
  decision: 6,
};

/** Audit actions the timeline shows as their own entries already. */
const SHOWN_ELSEWHERE = new Set(["promise.recorded"]);

/**
 * Everything that happened with `borrower` from `since` to `now`, oldest first (instants equal:
 * consent, money and promises before the messages and decisions they led to).
 *
 * @example const timeline = await borrowerTimeline(store, borrower, since, new Date().toISOString());
 */
export async function borrowerTimeline(
  store: Store,
  borrower: Borrower,
  since: string,
  now: string,
): Promise<BorrowerTimeline> {
  const loans = await store.loans.forBorrower(borrower.id);
  const refOf = new Map(loans.map((loan) => [loan.id, loan.externalRef]));
  const [messages, decisions, consent, promises, transactions, plans, loanAudits, borrowerAudits] =
    await Promise.all([
      store.conversation.recent(borrower.id, TIMELINE_SOURCE_LIMIT),
      store.decisions.forBorrower(borrower.id, since, TIMELINE_SOURCE_LIMIT),
      store.consent.forBorrower(borrower.id),
      store.contact.promises(borrower.id),
      store.transactions.forLoans(loans.map((loan) => loan.id)),
      Promise.all(loans.map((loan) => store.plans.forLoan(loan.id))),
      Promise.all(
        loans.map((loan) => store.audit.forSubject(`loan:${loan.id}`, TIMELINE_SOURCE_LIMIT)),
      ),
      store.audit.forSubject(`borrower:${borrower.id}`, TIMELINE_SOURCE_LIMIT),
    ]);
  const promisedAt = new Map(loanAudits.flatMap(promiseTimes));
  const actions = [
    ...borrowerAudits.map((entry) => ({ entry, loanRef: undefined })),
    ...loanAudits.flatMap((entries, i) =>
      entries.map((entry) => ({ entry, loanRef: loans[i]?.externalRef })),
    ),
  ].filter(({ entry }) => !SHOWN_ELSEWHERE.has(entry.action));
  const entries: TimelineEntry[] = [
    ...messages.map(
      (m): TimelineEntry => ({
        at: m.at,
        kind: "message",
        direction: m.direction,
        channel: m.channel,
        author: m.author,
        text: m.text,
      }),
    ),
    ...decisions.map((decision): TimelineEntry => {
      const loanRef = refOf.get(decision.loanId);
      return { at: decision.at, kind: "decision", decision, ...(loanRef ? { loanRef } : {}) };
    }),
    ...consent.map(
      (event): TimelineEntry => ({
        at: event.at,
        kind: "consent",
        channel: event.channel,
        event: event.kind,
        source: event.source,
      }),
    ),
    ...[...transactions.values()].flat().map((record): TimelineEntry => {
      const { transaction } = record;
      const amount = "amount" in transaction ? transaction.amount : undefined;
      return {
        at: record.recordedAt,
        kind: "payment",
        type: transaction.type,
        loanRef: refOf.get(record.loanId) ?? record.loanId,
        ...(amount ? { amount: formatMoney(amount) } : {}),
        currency: amount?.currency ?? currencyOf(loans, record.loanId),
        date: transaction.date,
      };
    }),
    ...promises.map(
      (promise): TimelineEntry => ({
        // A promise's own record has no time of its making: the audit line has it.
        at: promisedAt.get(promise.id) ?? `${promise.promisedFor}T00:00:00.000Z`,
        kind: "promise",
        loanRef: refOf.get(promise.loanId) ?? promise.loanId,
        amount: formatMoney(promise.amount),
        currency: promise.amount.currency,
        promisedFor: promise.promisedFor,
        status: promise.status,
      }),
    ),
    ...plans.flat().flatMap((plan) => {
      const base = {
        kind: "plan" as const,
        loanRef: refOf.get(plan.loanId) ?? plan.loanId,
        status: plan.status,
        planKind: plan.option.kind,
        installment: formatMoney(plan.option.installmentAmount),
        count: plan.option.count,
        currency: plan.option.installmentAmount.currency,
        by: plan.proposedBy,
      };
      return [
        { ...base, at: plan.proposedAt, event: "proposed" as const },
        ...(plan.acceptedAt ? [{ ...base, at: plan.acceptedAt, event: "accepted" as const }] : []),
      ];
    }),
    ...actions.map(({ entry, loanRef }): TimelineEntry => {
      const why = entry.payload.why;
      return {
        at: entry.at,
        kind: "action",
        actor: entry.actor,
        action: entry.action,
        ...(loanRef ? { loanRef } : {}),
        ...(typeof why === "string" && why ? { why } : {}),
      };
    }),
  ];
  const inWindow = entries
    .filter((entry) => entry.at >= since && entry.at <= now)
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        (a.entry.at < b.entry.at ? -1 : a.entry.at > b.entry.at ? 1 : 0) ||
        KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
        a.index - b.index,
    )
    .map(({ entry }) => entry);
  const { id, externalRef, name, timeZone } = borrower;
  return { borrower: { id, externalRef, name, timeZone }, since, until: now, entries: inWindow };
}

function currencyOf(loans: readonly StoredLoan[], loanId: string): string {
  return loans.find((loan) => loan.id === loanId)?.terms.principal.currency ?? "";
}

/** When each of a loan's promises was made, from the assistant's audit lines. */
function promiseTimes(entries: readonly AuditEntry[]): [string, string][] {
  return entries
    .filter((entry) => entry.action === "promise.recorded")
    .flatMap((entry) =>
      typeof entry.payload.promiseId === "string" ? [[entry.payload.promiseId, entry.at]] : [],
    );
}
