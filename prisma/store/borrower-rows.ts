// Borrower rows and the core Borrower: one mapping each way, shared by the single and bulk writes.
import type { Borrower, Locale } from "../../core/ports/index.ts";
import type { Borrower as BorrowerRow } from "../../generated/prisma/client.ts";

/** The columns a Borrower is read from, by the client or by raw SQL. */
export type BorrowerColumns = Pick<
  BorrowerRow,
  | "id"
  | "externalRef"
  | "name"
  | "phone"
  | "locale"
  | "timeZone"
  | "deceased"
  | "bankruptcy"
  | "hardship"
>;

export function borrowerFromRow(row: BorrowerColumns): Borrower {
  return {
    id: row.id,
    externalRef: row.externalRef,
    name: row.name,
    ...(row.phone ? { phone: row.phone } : {}),
    locale: row.locale as Locale,
    timeZone: row.timeZone,
    flags: { deceased: row.deceased, bankruptcy: row.bankruptcy, hardship: row.hardship },
  };
}

/** The borrowers-row columns of `borrower`. */
export function rowData(borrower: Borrower) {
  return {
    externalRef: borrower.externalRef,
    name: borrower.name,
    phone: borrower.phone ?? null,
    locale: borrower.locale,
    timeZone: borrower.timeZone,
    ...borrower.flags,
  };
}
