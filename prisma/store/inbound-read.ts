// Who wrote, their active pauses and their active loans, in one SQL statement: what an inbound message reads first.
import type { BorrowerForMessage, Channel, PauseReason } from "../../core/ports/index.ts";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.ts";
import { borrowerFromRow } from "./borrower-rows.ts";
import { pauseFromRow } from "./contact-controls.ts";
import { dbInstant } from "./instants.ts";
import {
  ISO_INSTANT,
  LOAN_JSON_COLUMNS,
  type LoanJsonRow,
  loanFromJsonRow,
  TRANSACTIONS_JSON,
  transactionsFromJson,
} from "./loan-json-rows.ts";

/** One row per active loan (loan columns all null: none), the borrower and pauses on each. */
interface InboundRow extends Partial<LoanJsonRow> {
  readonly bId: string;
  readonly bExternalRef: string;
  readonly bName: string;
  readonly bPhone: string | null;
  readonly bLocale: string;
  readonly bTimeZone: string;
  readonly bDeceased: boolean;
  readonly bBankruptcy: boolean;
  readonly bHardship: boolean;
  /** JSON: a PauseTuple per active pause, by id. */
  readonly pauses: string;
  /** JSON: the loan's transactions, as loans.forBorrowerWithTransactions reads them. */
  readonly transactions: string | null;
}

/** id, loan id, reason, until (UTC ISO text), created by. */
type PauseTuple = readonly [string, string | null, PauseReason, string | null, string];

/**
 * identities.findBorrowerForMessage: the account's borrower, the pauses activePauses would
 * read at `now` (same conditions, same order) and the loans forBorrowerWithTransactions would
 * read in status "active" (same columns, same order): one round trip instead of three.
 */
export async function readInbound(
  prisma: PrismaClient,
  channel: Channel,
  externalId: string,
  now: string,
): Promise<BorrowerForMessage | undefined> {
  const at = dbInstant(now, "now").toISOString();
  const rows = await prisma.$queryRaw<InboundRow[]>`
    SELECT b.id AS "bId", b.external_ref AS "bExternalRef", b.name AS "bName",
           b.phone AS "bPhone", b.locale AS "bLocale", b.time_zone AS "bTimeZone",
           b.deceased AS "bDeceased", b.bankruptcy AS "bBankruptcy", b.hardship AS "bHardship",
           COALESCE((
             SELECT json_agg(json_build_array(p.id, p.loan_id, p.reason::text,
                      to_char(p.until AT TIME ZONE 'UTC', ${Prisma.raw(ISO_INSTANT)}), p.created_by)
                      ORDER BY p.id)
             FROM pauses p
             WHERE p.borrower_id = b.id
               AND (p.lifted_at IS NULL OR p.lifted_at > ${at}::timestamptz)
               AND (p.until IS NULL OR p.until > ${at}::timestamptz)
           ), '[]'::json)::text AS pauses,
           lx.*
    FROM channel_identities i
    JOIN borrowers b ON b.id = i.borrower_id
    LEFT JOIN LATERAL (
      SELECT ${Prisma.raw(LOAN_JSON_COLUMNS)}, ${Prisma.raw(TRANSACTIONS_JSON)} AS transactions
      FROM loans l
      WHERE l.borrower_id = b.id AND l.status = 'active'::loan_status
    ) lx ON true
    WHERE i.channel = ${channel}::channel AND i.external_id = ${externalId}
    ORDER BY lx.external_ref, lx.id`;
  const first = rows[0];
  if (!first) return undefined;
  const borrower = borrowerFromRow({
    id: first.bId,
    externalRef: first.bExternalRef,
    name: first.bName,
    phone: first.bPhone,
    locale: first.bLocale,
    timeZone: first.bTimeZone,
    deceased: first.bDeceased,
    bankruptcy: first.bBankruptcy,
    hardship: first.bHardship,
  });
  const activePauses = (JSON.parse(first.pauses) as PauseTuple[]).map(
    ([id, loanId, reason, until, createdBy]) =>
      pauseFromRow({
        id,
        borrowerId: borrower.id,
        loanId,
        reason,
        until: until === null ? null : new Date(until),
        createdBy,
      }),
  );
  const activeLoans = rows.flatMap((row) =>
    row.id === undefined || row.id === null
      ? []
      : [
          {
            loan: loanFromJsonRow(row as LoanJsonRow),
            transactions: transactionsFromJson(row.id, row.transactions ?? "[]"),
          },
        ],
  );
  return { borrower, activePauses, activeLoans };
}
