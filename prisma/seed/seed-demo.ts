// Writes the demo book into a store, idempotently: seeding twice changes nothing.
import type { Store } from "../../core/ports/index.ts";
import { demoBook } from "./demo-book.ts";

export interface SeedSummary {
  readonly borrowers: number;
  readonly loans: number;
  readonly payments: number;
}

export async function seedDemoBook(store: Store, today: string): Promise<SeedSummary> {
  const book = demoBook(today);
  let payments = 0;
  for (const entry of book) {
    const { borrower } = await store.borrowers.upsert(entry.borrower);
    const { loan } = await store.loans.upsert({ ...entry.loan, borrowerId: borrower.id });
    for (const payment of entry.payments) {
      const { duplicate } = await store.transactions.record(
        loan.id,
        payment.key,
        payment.transaction,
      );
      if (!duplicate) payments += 1;
    }
  }
  await store.audit.append({
    actor: "cli",
    action: "demo.seeded",
    subject: "book",
    payload: { loans: book.length, payments },
    at: new Date().toISOString(),
  });
  return {
    borrowers: new Set(book.map((e) => e.borrower.externalRef)).size,
    loans: book.length,
    payments,
  };
}
