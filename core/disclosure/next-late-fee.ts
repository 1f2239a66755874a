// The next late fee a loan's own rules will charge if nothing more is paid: its amount and date.
import { addDays, type IsoDate } from "../dates/iso-date.ts";
import type { Loan } from "../ledger/loan.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import type { Transaction } from "../ledger/transaction.ts";
import { type Money, money } from "../money/money.ts";

export type NextLateFee<C extends string = string> =
  | {
      readonly kind: "fee";
      readonly amount: Money<C>;
      /** The day the ledger charges it. */
      readonly chargedOn: IsoDate;
      /** The due date of the installment it is charged on. */
      readonly forDueDate: IsoDate;
    }
  | {
      readonly kind: "none";
      /**
       * NO_LATE_FEES: the loan has no late-fee terms. CAP_REACHED: an installment would still be
       * late, but the loan's fee cap or cost cap leaves nothing to charge. NOTHING_LEFT: every
       * installment has already been assessed.
       */
      readonly reason: "NO_LATE_FEES" | "CAP_REACHED" | "NOTHING_LEFT";
    };

/**
 * Replays the loan forward with no further payment past the day the last installment's grace
 * ends, and returns the first charge the ledger itself makes, so the figure can never drift from what is
 * charged. Transactions after `asOf` are left out: the projection assumes nothing more is paid.
 *
 * @example nextLateFee(loan, transactions, "2026-03-09") // { kind: "fee", amount: 15.00 USD, chargedOn: "2026-03-16", ... }
 */
export function nextLateFee<C extends string>(
  loan: Loan<C>,
  transactions: readonly Transaction<C>[],
  asOf: IsoDate,
): NextLateFee<C> {
  const terms = loan.lateFee;
  if (!terms) return { kind: "none", reason: "NO_LATE_FEES" };
  const known = transactions.filter((t) => t.date <= asOf);
  const today = loanStateAsOf(loan, known, asOf);
  const candidates = today.installments
    .filter((i) => i.status !== "rescheduled" && i.status !== "paid")
    .map((i) => ({
      n: i.n,
      forDueDate: i.dueDate,
      chargedOn: addDays(i.dueDate, terms.graceDays + 1),
    }))
    .filter((c) => c.chargedOn > asOf)
    .sort((a, b) => (a.chargedOn < b.chargedOn ? -1 : a.chargedOn > b.chargedOn ? 1 : 0));
  const last = candidates.at(-1);
  if (last === undefined) return { kind: "none", reason: "NOTHING_LEFT" };
  // No transaction falls between today and the last grace end, so one replay to that day
  // assesses every candidate in due-date order, caps applied in turn, exactly as day by day.
  const later = loanStateAsOf(loan, known, last.chargedOn);
  const before = new Map(today.installments.map((i) => [i.n, i.due.penalties.minor]));
  for (const { n, forDueDate, chargedOn } of candidates) {
    const after = later.installments.find((i) => i.n === n)?.due.penalties.minor ?? 0n;
    const charged = after - (before.get(n) ?? 0n);
    if (charged > 0n) {
      return { kind: "fee", amount: money(charged, today.currency), chargedOn, forDueDate };
    }
  }
  return { kind: "none", reason: "CAP_REACHED" };
}
