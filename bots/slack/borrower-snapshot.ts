// Everything an agent's card shows about one borrower, read from the store as of now.
import type { IsoDate } from "../../core/dates/iso-date.ts";
import { localDate } from "../../core/dates/local-date.ts";
import { type LoanState, loanStateAsOf, type Transaction } from "../../core/ledger/index.ts";
import type {
  Borrower,
  Channel,
  ChannelIdentity,
  ContactPreferences,
  Handoff,
  Pause,
  PromiseToPay,
  Store,
  StoredLoan,
  StoredPlan,
} from "../../core/ports/index.ts";
import { type RepaymentScore, repaymentScore } from "../../core/score/index.ts";
import { borrowerTimeline } from "../timeline/borrower-timeline.ts";
import { type ContactLine, contactHistory, type HeldBack } from "./contact-history.ts";

export interface LoanSnapshot {
  readonly loan: StoredLoan;
  readonly transactions: readonly Transaction[];
  readonly state: LoanState;
  readonly plans: readonly StoredPlan[];
}

export interface BorrowerSnapshot {
  readonly borrower: Borrower;
  readonly today: IsoDate;
  readonly loans: readonly LoanSnapshot[];
  readonly promises: readonly PromiseToPay[];
  readonly pauses: readonly Pause[];
  readonly optedOut: readonly Channel[];
  readonly identities: readonly ChannelIdentity[];
  /** Email address and preferred channel, as the lender gave them. */
  readonly contactPoints?: ContactPreferences;
  readonly contacts: readonly ContactLine[];
  /** Nudges the policy held back recently, with their reason codes (from the decision log). */
  readonly suppressions: readonly HeldBack[];
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
  const [promises, pauses, optedOut, identities, timeline, handoff, points] = await Promise.all([
    store.contact.promises(borrower.id),
    store.contact.activePauses(borrower.id, at),
    store.contact.optedOutChannels(borrower.id),
    store.identities.forBorrower(borrower.id),
    borrowerTimeline(store, borrower, since, at),
    store.handoffs.active(borrower.id),
    store.contactPoints.get(borrower.id),
  ]);
  const { contacts, suppressions } = contactHistory(timeline.entries);
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
    ...(points ? { contactPoints: points } : {}),
    contacts,
    suppressions,
    ...(handoff ? { handoff } : {}),
    score,
  };
}
