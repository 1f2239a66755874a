// Recomputes every active loan's position on a date (core/ledger) and stores them for SQL sums.
import type { IsoDate } from "../../core/dates/index.ts";
import { loanPosition } from "../../core/portfolio/index.ts";
import type { LoanPosition, Store } from "../../core/ports/index.ts";

/** Loans read per page: one transactions read per page. */
const PAGE = 500;

/** The sub-ports a refresh reads and writes. */
export type PositionSources = Pick<Store, "loans" | "transactions" | "portfolio">;

/**
 * Derives each active loan's days past due, bucket and outstanding on `asOf` exactly as
 * `repay state` does, and replaces that date's stored positions. Returns how many loans are open.
 *
 * @example await refreshPositions(store, "2026-03-31"); await store.portfolio.bucketFigures("2026-03-31");
 */
export async function refreshPositions(store: PositionSources, asOf: IsoDate): Promise<number> {
  const positions: LoanPosition[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.loans.listActive(PAGE, after);
    if (page.length === 0) break;
    const records = await store.transactions.forLoans(page.map((loan) => loan.id));
    for (const loan of page) {
      const transactions = (records.get(loan.id) ?? []).map((record) => record.transaction);
      const position = loanPosition(loan.id, loan, transactions, asOf);
      if (position) positions.push(position);
    }
    after = page.at(-1)?.id;
  }
  await store.portfolio.replacePositions(asOf, positions);
  return positions.length;
}
