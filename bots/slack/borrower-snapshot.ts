// Everything an agent's card shows about one borrower: the shared borrower file, plus the card's recent contacts and suppressions.
import type { IsoDate } from "../../core/dates/index.ts";
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
import { borrowerTimeline } from "../timeline/borrower-timeline.ts";
import { type ContactLine, contactHistory, type HeldBack } from "./contact-history.ts";

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
  const at = now.toISOString();
  const file = await loadBorrowerFile(store, borrower.id, at, { borrower });
  if (!file) throw new Error(`borrower ${borrower.id} is gone`);
  const { today, contact } = file;
  const { promises, pauses, optedOut, identities, handoff } = contact;
  // Agents read loan references as words: locale order, not code points.
  const loans = [...file.loans].sort((a, b) =>
    a.loan.externalRef.localeCompare(b.loan.externalRef),
  );
  const since = new Date(now.getTime() - CONTACT_DAYS * 86_400_000).toISOString();
  const timeline = await borrowerTimeline(store, borrower, since, at);
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
    ...(contact.preferences ? { contactPoints: contact.preferences } : {}),
    contacts,
    suppressions,
    ...(handoff ? { handoff } : {}),
    score,
  };
}
