// /pay: a payment link for what is due now (overdue first, else the next installment).

import { localDate } from "../../core/dates/index.ts";
import { formatAmount } from "../../core/format/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { formatMoney } from "../../core/money/index.ts";
import type { Borrower, PayLink, Store } from "../../core/ports/index.ts";
import { fill, type TelegramTexts } from "../../prompts/index.ts";

export async function payLinkReply(
  store: Store,
  borrower: Borrower,
  texts: TelegramTexts,
  now: Date,
  payLink?: PayLink,
): Promise<string> {
  if (!payLink) return texts.noPayLink;
  const asOf = localDate(now, borrower.timeZone);
  const lines: string[] = [];
  for (const loan of await store.loans.forBorrower(borrower.id)) {
    if (loan.status !== "active") continue;
    const transactions = (await store.transactions.forLoan(loan.id)).map((t) => t.transaction);
    const state = loanStateAsOf(loan, transactions, asOf);
    const due = state.overdue.total.minor > 0n ? state.overdue.total : state.nextDue?.amount;
    if (!due || due.minor === 0n) continue;
    const link = payLink({
      borrowerRef: borrower.externalRef,
      loanRef: loan.externalRef,
      amount: formatMoney(due),
      currency: due.currency,
    });
    if (link) lines.push(fill(texts.payLink, { amount: formatAmount(due, borrower.locale), link }));
  }
  return lines.length > 0 ? lines.join("\n") : texts.noPayLink;
}
