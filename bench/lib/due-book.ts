// A book whose nudges are all due now: borrowers at midday in their zone, one day late, one planned nudge each.
import { DateTime } from "luxon";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { writeBulkBook } from "../../test/nudger/bulk-book.ts";

/** A fixed-offset zone where it is about 13:00 now, so no quiet hours get in the way. */
export function middayZone(now = new Date()): string {
  let offset = 13 - now.getUTCHours();
  if (offset > 12) offset -= 24;
  if (offset < -11) offset += 24;
  // Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3.
  return offset === 0 ? "UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
}

/**
 * `count` borrowers with a linked chat (chat id firstChatId + i) and one loan a day late, and one
 * planned overdue nudge per loan due now. Returns the zone used.
 */
export async function writeDueBook(
  prisma: PrismaClient,
  options: { count: number; firstChatId: number; prefix?: string },
): Promise<{ timeZone: string }> {
  const prefix = options.prefix ?? "scale";
  const timeZone = middayZone();
  const today = DateTime.now().setZone(timeZone);
  const firstDueDate = today.minus({ days: 1 }).toISODate() as string;
  await writeBulkBook(prisma, {
    count: options.count,
    timeZone,
    firstDueDate,
    firstChatId: options.firstChatId,
    prefix,
  });
  const plannedFor = new Date(Date.now() - 60_000).toISOString();
  await prisma.$executeRawUnsafe(`
    INSERT INTO nudge_outbox (id, dedupe_key, borrower_id, loan_id, kind, channel, planned_for,
      reason_codes, updated_at)
    SELECT '${prefix}-n-' || i, '${prefix}-l-' || i || ':overdue@${firstDueDate}+1d', '${prefix}-b-' || i,
      '${prefix}-l-' || i, 'overdue', 'telegram', TIMESTAMPTZ '${plannedFor}', ARRAY[]::text[], now()
    FROM generate_series(0, ${options.count - 1}) AS i`);
  return { timeZone };
}
