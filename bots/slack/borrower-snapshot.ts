// Everything an agent's card shows about one borrower: the shared borrower file, plus the card's recent contacts and suppressions.
import type { IsoDate } from "../../core/dates/iso-date.ts";
import type {
  Borrower,
  Channel,
  ChannelIdentity,
  ContactPreferences,
  Handoff,
  Pause,
  PromiseToPay,
  Store,
} from "../../core/ports/index.ts";
import { type LoanViewWithPlans, loadBorrowerFile } from "../../core/reads/index.ts";
import { type RepaymentScore, repaymentScore } from "../../core/score/index.ts";

export interface ContactLine {
  readonly at: string;
  readonly direction: "inbound" | "outbound";
  readonly author: string;
  readonly text: string;
}

export interface BorrowerSnapshot {
  readonly borrower: Borrower;
  readonly today: IsoDate;
  readonly loans: readonly LoanViewWithPlans[];
  readonly promises: readonly PromiseToPay[];
  readonly pauses: readonly Pause[];
  readonly optedOut: readonly Channel[];
  readonly identities: readonly ChannelIdentity[];
  /** Email address and preferred channel, as the lender gave them. */
  readonly contactPoints?: ContactPreferences;
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
  const at = now.toISOString();
  const file = await loadBorrowerFile(store, borrower.id, at, { borrower });
  if (!file) throw new Error(`borrower ${borrower.id} is gone`);
  const { today, contact } = file;
  const { promises, pauses, optedOut, identities, handoff } = contact;
  // Agents read loan references as words: locale order, not code points.
  const loans = [...file.loans].sort((a, b) =>
    a.loan.externalRef.localeCompare(b.loan.externalRef),
  );
  const messages = contact.conversation.slice(-5);
  const since = new Date(now.getTime() - CONTACT_DAYS * 86_400_000).toISOString();
  const [sent, audit] = await Promise.all([
    store.outbox.sentSince(borrower.id, since),
    store.audit.forSubject(`borrower:${borrower.id}`, 50),
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
    ...(contact.preferences ? { contactPoints: contact.preferences } : {}),
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
