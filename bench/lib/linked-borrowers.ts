// Borrowers for the Telegram bench: one loan each (imported), on-time payments so far, linked to a chat.
import { importLoans, validateLoanRows } from "../../bots/import/import-loans.ts";
import { parseRecords } from "../../bots/import/read-records.ts";
import { money } from "../../core/money/money.ts";
import type { Locale, Store } from "../../core/ports/index.ts";
import { installmentTotal } from "../../core/schedule/index.ts";
import type { Random } from "../prng.ts";
import { loanBookCsv } from "./loan-book-csv.ts";

export interface LinkedBorrower {
  /** The Telegram user id (and private chat id) linked to the borrower. */
  readonly telegramId: number;
  readonly locale: Locale;
}

const FIRST_TELEGRAM_ID = 700_001;

/**
 * Imports `count` loans (one per borrower) through importLoans, pays most installments
 * already due on their due dates, and binds borrower i to Telegram user 700001 + i.
 */
export async function linkedBorrowers(
  store: Store,
  random: Random,
  count: number,
  now: Date,
): Promise<LinkedBorrower[]> {
  const text = loanBookCsv(random, { loans: count, borrowersPerLoan: 1, refPrefix: "TG-" });
  const records = parseRecords("book.csv", text);
  const report = await importLoans(store, records);
  if (report.counts.created !== count) {
    throw new Error(`bench setup: imported ${JSON.stringify(report.counts)}, wanted ${count}`);
  }
  const today = now.toISOString().slice(0, 10);
  const linked: LinkedBorrower[] = [];
  for (const [i, { row }] of validateLoanRows(records).rows.entries()) {
    const borrower = await store.borrowers.byRef(row.borrower.externalRef);
    const loan = await store.loans.byRef(row.loan.externalRef);
    if (!borrower || !loan) throw new Error(`bench setup: ${row.loan.externalRef} not stored`);
    for (const installment of loan.schedule) {
      if (installment.dueDate > today || random.chance(0.2)) continue;
      await store.transactions.record(loan.id, `${loan.externalRef}-${installment.n}`, {
        type: "payment",
        date: installment.dueDate,
        amount: money(installmentTotal(installment), loan.terms.principal.currency),
      });
    }
    const telegramId = FIRST_TELEGRAM_ID + i;
    await store.identities.bind({
      channel: "telegram",
      externalId: String(telegramId),
      borrowerId: borrower.id,
      verifiedAt: now.toISOString(),
    });
    linked.push({ telegramId, locale: borrower.locale });
  }
  return linked;
}
