// Everything an agent's card shows about one borrower, read from the store as of now.
import { type IsoDate, localDate } from "../../core/dates/index.ts";
import { type LoanState, loanStateAsOf, type Transaction } from "../../core/ledger/index.ts";
import type {
  Borrower,
  Channel,
  ChannelIdentity,
  Handoff,
  Pause,
  PromiseToPay,
  Store,
  StoredLoan,
  StoredPlan,
} from "../../core/ports/index.ts";
import { type RepaymentScore, repaymentScore } from "../../core/score/index.ts";

export interface LoanSnapshot {
  readonly loan: StoredLoan;
  readonly transactions: readonly Transaction[];
  readonly state: LoanState;
  readonly plans: readonly StoredPlan[];
}

export interface ContactLine {
  readonly at: string;
  readonly direction: "inbound" | "outbound";
  readonly author: string;
  readonly text: string;
}

export interface BorrowerSnapshot {
  readonly borrower: Borrower;
  readonly today: IsoDate;
  readonly loans: readonly LoanSnapshot[];
  readonly promises: readonly PromiseToPay[];
  readonly pauses: readonly Pause[];
  readonly optedOut: readonly Channel[];
  readonly identities: readonly ChannelIdentity[];
  readonly contacts: readonly ContactLine[];
  /** Nudges the policy held back recently, with their reason codes (from the audit log). */
  readonly suppressions: readonly { readonly at: string; readonly reasons: readonly string[] }[];
  readonly handoff?: Handoff;
  readonly score: RepaymentScore;
}

const CONTACT_DAYS = 30;

export async function borrowerSnapshot(
  store: Store,
  borrower: Borrower,
  now: Date,
): Promise<BorrowerSnapshot> {
  const today = localDate(now, borrower.timeZone);
  const at = now.toISOString();
  const stored = (await store.loans.forBorrower(borrower.id)).sort((a, b) =>
    a.externalRef.localeCompare(b.externalRef),
  );
  const loans = await Promise.all(
    stored.map(async (loan) => {
      const transactions = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
      return {
        loan,
        transactions,
        state: loanStateAsOf(loan, transactions, today),
        plans: await store.plans.forLoan(loan.id),
      };
    }),
  );
  const since = new Date(now.getTime() - CONTACT_DAYS * 86_400_000).toISOString();
  const [promises, pauses, optedOut, identities, messages, sent, audit, handoff] =
    await Promise.all([
      store.contact.promises(borrower.id),
      store.contact.activePauses(borrower.id, at),
      store.contact.optedOutChannels(borrower.id),
      store.identities.forBorrower(borrower.id),
      store.conversation.recent(borrower.id, 5),
      store.outbox.sentSince(borrower.id, since),
      store.audit.forSubject(`borrower:${borrower.id}`, 50),
      store.handoffs.active(borrower.id),
    ]);
  const contacts: ContactLine[] = [
    ...messages.map((m) => ({ at: m.at, direction: m.direction, author: m.author, text: m.text })),
    ...sent
      .filter((row) => !messages.some((m) => m.author === "nudger" && m.at === row.sentAt))
      .map((row) => ({
        at: row.sentAt ?? row.plannedFor,
        direction: "outbound" as const,
        author: "nudger",
        text: `${row.kind} reminder (${row.channel})`,
      })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, 5);
  const suppressions = audit
    .filter((entry) => /suppress/.test(entry.action))
    .slice(0, 3)
    .map((entry) => ({ at: entry.at, reasons: reasonsOf(entry.payload) }));
  const score = repaymentScore({
    asOf: today,
    installments: loans.flatMap((l) => l.state.installments),
    promises,
  });
  return {
    borrower,
    today,
    loans,
    promises,
    pauses,
    optedOut,
    identities,
    contacts,
    suppressions,
    ...(handoff ? { handoff } : {}),
    score,
  };
}

function reasonsOf(payload: Readonly<Record<string, unknown>>): string[] {
  const raw = payload.reasons ?? payload.reasonCodes;
  return Array.isArray(raw) ? raw.map(String) : [];
}
