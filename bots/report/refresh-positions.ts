// Positions of a date (core/ledger), stored for SQL sums: all recomputed, or only the loans that changed.
import type { IsoDate } from "../../core/dates/index.ts";
import { loanPosition } from "../../core/portfolio/index.ts";
import type { LoanPosition, Store, StoredLoan } from "../../core/ports/index.ts";

/** Loans read per page: one transactions read per page. */
const PAGE = 500;
/** Beyond this many changed loans a date is recomputed whole (one read per page, not per loan). */
export const FULL_REFRESH_ABOVE = 2000;
/** Loans read at once when only changed loans are recomputed. */
const AT_ONCE = 50;

/** The sub-ports a refresh reads and writes. */
export type PositionSources = Pick<Store, "loans" | "transactions" | "portfolio">;

/** Each loan's position on `asOf`, from its transactions (loans not active have none). */
async function positionsOf(
  store: PositionSources,
  loans: readonly StoredLoan[],
  asOf: IsoDate,
): Promise<LoanPosition[]> {
  const active = loans.filter((loan) => loan.status === "active");
  const records = await store.transactions.forLoans(active.map((loan) => loan.id));
  return active.flatMap((loan) => {
    const transactions = (records.get(loan.id) ?? []).map((record) => record.transaction);
    return loanPosition(loan.id, loan, transactions, asOf) ?? [];
  });
}

/**
 * Derives each active loan's days past due, bucket and outstanding on `asOf` exactly as
 * `repay state` does, and replaces that date's stored positions. Returns how many loans are open.
 *
 * @example await refreshPositions(store, "2026-03-31"); await store.portfolio.bucketFigures("2026-03-31");
 */
export async function refreshPositions(store: PositionSources, asOf: IsoDate): Promise<number> {
  const mark = await store.portfolio.changeMark();
  const positions: LoanPosition[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await store.loans.listActive(PAGE, after);
    if (page.length === 0) break;
    positions.push(...(await positionsOf(store, page, asOf)));
    after = page.at(-1)?.id;
  }
  await store.portfolio.replacePositions(asOf, positions, mark);
  return positions.length;
}

/**
 * Makes the stored positions of `dates` today's truth: a date never computed is computed
 * whole; on a date computed before, only the loans that changed since (a payment, an import,
 * a waiver, new terms) are recomputed, and the date's sums and roll rates follow.
 *
 * @example await positionsUpToDate(store, ["2026-03-31"]); await portfolioReport(store.portfolio, "2026-03-31");
 */
export async function positionsUpToDate(
  store: PositionSources,
  dates: readonly IsoDate[],
): Promise<void> {
  const changed = await store.portfolio.changedLoans(dates);
  const partly: IsoDate[] = [];
  for (const asOf of new Set(dates)) {
    const change = changed.get(asOf);
    if (!change || change.loanIds.length > FULL_REFRESH_ABOVE) await refreshPositions(store, asOf);
    else if (change.loanIds.length > 0) partly.push(asOf);
  }
  if (partly.length === 0) return;
  // The changed loans of every date, read once.
  const ids = [...new Set(partly.flatMap((asOf) => changed.get(asOf)?.loanIds ?? []))];
  const loans = new Map<string, StoredLoan>();
  for (let i = 0; i < ids.length; i += AT_ONCE) {
    const found = await Promise.all(ids.slice(i, i + AT_ONCE).map((id) => store.loans.byId(id)));
    for (const loan of found) if (loan) loans.set(loan.id, loan);
  }
  const records = await store.transactions.forLoans([...loans.keys()]);
  for (const asOf of partly) {
    const change = changed.get(asOf);
    if (!change) continue;
    const positions = change.loanIds.flatMap((id) => {
      const loan = loans.get(id);
      if (loan?.status !== "active") return [];
      const transactions = (records.get(id) ?? []).map((record) => record.transaction);
      return loanPosition(id, loan, transactions, asOf) ?? [];
    });
    await store.portfolio.updatePositions(asOf, change.loanIds, positions, change.mark);
  }
}
