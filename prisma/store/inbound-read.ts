// Who wrote, their active pauses and their active loans, in one SQL statement: what an inbound message reads first.
import type { BorrowerForMessage, Channel, PauseReason } from "../../core/ports/index.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { borrowerFromRow } from "./borrower-rows.ts";
import { arrayLiteral } from "./bulk-insert.ts";
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
import type { SqlStatements } from "./sql-statements.ts";

/** One inbound message's read: the chat account it came from and when it came. */
export interface InboundAsk {
  readonly channel: Channel;
  readonly externalId: string;
  /** UTC ISO instant, checked (inboundAsk). */
  readonly at: string;
}

/** One row per active loan (loan columns all null: none), the borrower and pauses on each. */
interface InboundRow extends Partial<LoanJsonRow> {
  /** Which ask (1-based, in the asks' order) the row answers. */
  readonly ask: number;
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

/** The ask for a message on `channel` from `externalId` at `now`: INVALID_INSTANT for a bad `now`. */
export function inboundAsk(channel: Channel, externalId: string, now: string): InboundAsk {
  return { channel, externalId, at: dbInstant(now, "now").toISOString() };
}

/**
 * identities.findBorrowerForMessage for each of `asks`, in one statement: the account's
 * borrower, the pauses activePauses would read at the ask's instant (same conditions, same
 * order) and the loans forBorrowerWithTransactions would read in status "active" (same
 * columns, same order); undefined for an account not linked. One round trip for a message
 * instead of three, and for many chats' messages at once instead of one each.
 */
export async function readInbound(
  sql: SqlStatements,
  asks: readonly InboundAsk[],
): Promise<(BorrowerForMessage | undefined)[]> {
  if (asks.length === 0) return [];
  const column = (pick: (ask: InboundAsk) => string) => arrayLiteral(asks.map(pick));
  const rows = await sql.rows<InboundRow>(Prisma.sql`
    SELECT q.ask::int AS ask,
           b.id AS "bId", b.external_ref AS "bExternalRef", b.name AS "bName",
           b.phone AS "bPhone", b.locale AS "bLocale", b.time_zone AS "bTimeZone",
           b.deceased AS "bDeceased", b.bankruptcy AS "bBankruptcy", b.hardship AS "bHardship",
           COALESCE((
             SELECT json_agg(json_build_array(p.id, p.loan_id, p.reason::text,
                      to_char(p.until AT TIME ZONE 'UTC', ${Prisma.raw(ISO_INSTANT)}), p.created_by)
                      ORDER BY p.id)
             FROM pauses p
             WHERE p.borrower_id = b.id
               AND (p.lifted_at IS NULL OR p.lifted_at > q.at)
               AND (p.until IS NULL OR p.until > q.at)
           ), '[]'::json)::text AS pauses,
           lx.*
    FROM unnest(${column((a) => a.channel)}::text[], ${column((a) => a.externalId)}::text[],
                ${column((a) => a.at)}::timestamptz[])
         WITH ORDINALITY AS q(channel, external_id, at, ask)
    JOIN channel_identities i ON i.channel = q.channel::channel AND i.external_id = q.external_id
    JOIN borrowers b ON b.id = i.borrower_id
    LEFT JOIN LATERAL (
      SELECT ${Prisma.raw(LOAN_JSON_COLUMNS)}, ${Prisma.raw(TRANSACTIONS_JSON)} AS transactions
      FROM loans l
      WHERE l.borrower_id = b.id AND l.status = 'active'::loan_status
    ) lx ON true
    ORDER BY q.ask, lx.external_ref, lx.id`);
  const byAsk = new Map<number, InboundRow[]>();
  for (const row of rows) {
    const mine = byAsk.get(row.ask);
    if (mine) mine.push(row);
    else byAsk.set(row.ask, [row]);
  }
  return asks.map((_ask, i) => {
    const mine = byAsk.get(i + 1);
    return mine ? inboundFromRows(mine) : undefined;
  });
}

/** One ask's rows (at least one) as the borrower, their pauses and their loans. */
function inboundFromRows(rows: readonly InboundRow[]): BorrowerForMessage {
  const first = rows[0] as InboundRow;
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
