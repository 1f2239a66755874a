// planning.contactRecords on Prisma: many borrowers' eight kinds of contact records in one SQL statement.
import type { BorrowerContactRecords } from "../../core/ports/index.ts";
import { distinctIds, LEASE_EXPIRED, UNKNOWN_OUTCOME } from "../../core/store/index.ts";
import type {
  ChannelIdentity,
  ConsentEvent,
  ContactPoint,
  Handoff,
  NudgeOutbox,
  OptOut,
  PrismaClient,
} from "../../generated/prisma/client.ts";
import { arrayLiteral } from "./bulk-insert.ts";
import { optedOutByBorrower, type PauseColumns, pausesByBorrower } from "./contact-controls.ts";
import { consentByBorrower, preferencesByBorrower } from "./contact-points.ts";
import { type MessageRow, messagesByBorrower } from "./conversation.ts";
import { activeHandoffByBorrower } from "./handoffs.ts";
import { identitiesByBorrower } from "./identities.ts";
import { dbInstant } from "./instants.ts";
import { contactsByBorrower } from "./outbox.ts";

/**
 * Per borrower id ($1), each kind as a JSON array of whole rows, in the order and with the
 * filters of the batch read it stands for: pauses active at $2, the latest $3 messages,
 * outbox rows that may have reached the borrower since $4 ($5, $6: the failed rows' errors
 * that mean so), active handoffs newest first.
 */
const CONTACT_RECORDS = `
  SELECT b.id,
    (SELECT json_agg(i) FROM channel_identities i WHERE i.borrower_id = b.id)::text AS identities,
    (SELECT json_agg(o) FROM opt_outs o WHERE o.borrower_id = b.id)::text AS opt_outs,
    (SELECT json_agg(p ORDER BY p.id) FROM pauses p
      WHERE p.borrower_id = b.id
        AND (p.lifted_at IS NULL OR p.lifted_at > $2::timestamptz)
        AND (p.until IS NULL OR p.until > $2::timestamptz))::text AS pauses,
    (SELECT json_agg(m ORDER BY m.at, m.id) FROM (
       SELECT * FROM conversation_messages c WHERE c.borrower_id = b.id
       ORDER BY c.at DESC, c.id DESC LIMIT $3::int
     ) m)::text AS messages,
    (SELECT json_agg(h ORDER BY h.created_at DESC, h.id DESC) FROM handoffs h
      WHERE h.borrower_id = b.id AND h.status IN ('open', 'claimed'))::text AS handoffs,
    (SELECT json_agg(n) FROM nudge_outbox n
      WHERE n.borrower_id = b.id
        AND ((n.status = 'sent' AND n.sent_at >= $4::timestamptz)
          OR (n.status = 'claimed' AND n.claimed_at >= $4::timestamptz)
          OR (n.status = 'failed' AND n.claimed_at >= $4::timestamptz
              AND (n.last_error = $5 OR starts_with(n.last_error, $6)))))::text AS sent,
    (SELECT json_agg(e ORDER BY e.at, e.id) FROM consent_events e
      WHERE e.borrower_id = b.id)::text AS consent,
    (SELECT row_to_json(cp) FROM contact_points cp WHERE cp.borrower_id = b.id)::text AS points
  FROM unnest($1::text[]) AS b(id)`;

interface ContactRecordsRow {
  readonly id: string;
  readonly identities: string | null;
  readonly opt_outs: string | null;
  readonly pauses: string | null;
  readonly messages: string | null;
  readonly handoffs: string | null;
  readonly sent: string | null;
  readonly consent: string | null;
  readonly points: string | null;
}

const camel = (key: string) =>
  key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A row as row_to_json wrote it, as the client reads it: camelCase keys, `instants` (by their
 * camelCase names) as Dates. No column of these tables is a bigint or a decimal.
 */
function clientRows<T>(json: string | null, instants: readonly string[]): T[] {
  if (json === null) return [];
  const rows = JSON.parse(json) as Record<string, unknown>[] | Record<string, unknown>;
  return (Array.isArray(rows) ? rows : [rows]).map((row) => {
    const mapped: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) {
      const name = camel(key);
      mapped[name] = value !== null && instants.includes(name) ? new Date(value as string) : value;
    }
    return mapped as T;
  });
}

const OUTBOX_INSTANTS = [
  "plannedFor",
  "claimedUntil",
  "claimedAt",
  "sendStartedAt",
  "sentAt",
  "deliveryAt",
  "createdAt",
  "updatedAt",
];

export async function readContactRecords(
  prisma: PrismaClient,
  borrowerIds: readonly string[],
  now: string,
  reach: { readonly since: string; readonly conversationDepth: number },
): Promise<Map<string, BorrowerContactRecords>> {
  const at = dbInstant(now, "now").toISOString();
  const since = dbInstant(reach.since, "since").toISOString();
  const ids = distinctIds(borrowerIds);
  const records = new Map<string, BorrowerContactRecords>();
  if (ids.length === 0) return records;
  const rows = await prisma.$queryRawUnsafe<ContactRecordsRow[]>(
    CONTACT_RECORDS,
    arrayLiteral(ids),
    at,
    Math.max(0, Math.trunc(reach.conversationDepth)),
    since,
    LEASE_EXPIRED,
    UNKNOWN_OUTCOME,
  );
  for (const row of rows) {
    const one = [row.id];
    records.set(row.id, {
      identities:
        identitiesByBorrower(
          one,
          clientRows<ChannelIdentity>(row.identities, ["verifiedAt", "createdAt"]),
        ).get(row.id) ?? [],
      optedOut: optedOutByBorrower(one, clientRows<OptOut>(row.opt_outs, ["at"])).get(row.id) ?? [],
      pauses:
        pausesByBorrower(
          one,
          clientRows<PauseColumns>(row.pauses, ["until", "createdAt", "liftedAt"]),
        ).get(row.id) ?? [],
      sent:
        contactsByBorrower(one, clientRows<NudgeOutbox>(row.sent, OUTBOX_INSTANTS)).get(row.id) ??
        [],
      conversation:
        messagesByBorrower(one, clientRows<MessageRow>(row.messages, ["at"])).get(row.id) ?? [],
      handoff: activeHandoffByBorrower(
        clientRows<Handoff>(row.handoffs, ["createdAt", "claimedAt", "releasedAt", "updatedAt"]),
      ).get(row.id),
      consent:
        consentByBorrower(one, clientRows<ConsentEvent>(row.consent, ["at"])).get(row.id) ?? [],
      preferences: preferencesByBorrower(clientRows<ContactPoint>(row.points, ["updatedAt"])).get(
        row.id,
      ),
    });
  }
  return records;
}
