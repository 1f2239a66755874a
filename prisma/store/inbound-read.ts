// Who wrote and their active pauses, in one SQL statement: what every inbound message reads first.
import type { BorrowerWithPauses, Channel } from "../../core/ports/index.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { type BorrowerColumns, borrowerFromRow } from "./borrower-rows.ts";
import { type PauseColumns, pauseFromRow } from "./contact-controls.ts";
import { dbInstant } from "./instants.ts";

/** The borrower's columns on every row, then one active pause per row (all null: none). */
interface InboundRow extends BorrowerColumns {
  readonly pauseId: string | null;
  readonly pauseLoanId: string | null;
  readonly pauseReason: string | null;
  readonly pauseUntil: Date | null;
  readonly pauseCreatedBy: string | null;
}

/**
 * identities.findBorrowerWithPauses: the account's borrower joined to the pauses activePauses
 * would read at `now` (same conditions, same order), one round trip instead of two.
 */
export async function readInbound(
  prisma: PrismaClient,
  channel: Channel,
  externalId: string,
  now: string,
): Promise<BorrowerWithPauses | undefined> {
  const at = dbInstant(now, "now").toISOString();
  const rows = await prisma.$queryRaw<InboundRow[]>`
    SELECT b.id, b.external_ref AS "externalRef", b.name, b.phone, b.locale,
           b.time_zone AS "timeZone", b.deceased, b.bankruptcy, b.hardship,
           p.id AS "pauseId", p.loan_id AS "pauseLoanId", p.reason::text AS "pauseReason",
           p.until AS "pauseUntil", p.created_by AS "pauseCreatedBy"
    FROM channel_identities i
    JOIN borrowers b ON b.id = i.borrower_id
    LEFT JOIN pauses p ON p.borrower_id = b.id
      AND (p.lifted_at IS NULL OR p.lifted_at > ${at}::timestamptz)
      AND (p.until IS NULL OR p.until > ${at}::timestamptz)
    WHERE i.channel = ${channel}::channel AND i.external_id = ${externalId}
    ORDER BY p.id`;
  const first = rows[0];
  if (!first) return undefined;
  const activePauses = rows.flatMap((row) =>
    row.pauseId === null ? [] : [pauseFromRow(pauseColumns(row, row.pauseId))],
  );
  return { borrower: borrowerFromRow(first), activePauses };
}

function pauseColumns(row: InboundRow, id: string): PauseColumns {
  return {
    id,
    borrowerId: row.id,
    loanId: row.pauseLoanId,
    reason: row.pauseReason as PauseColumns["reason"],
    until: row.pauseUntil,
    createdBy: row.pauseCreatedBy ?? "",
  };
}
