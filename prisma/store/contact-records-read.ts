// planning.contactRecords on Prisma: many borrowers' eight kinds of contact records in one SQL statement.
import type { BorrowerContactRecords } from "../../core/ports/index.ts";
import {
  contactRecordsFor,
  distinctIds,
  LEASE_EXPIRED,
  UNKNOWN_OUTCOME,
} from "../../core/store/index.ts";
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
 * One row: each kind as a JSON array of whole rows of every borrower in $1, with the filters
 * and order of the batch read it stands for (one scan per kind for all the borrowers, as
 * those reads do): pauses active at $2, each borrower's latest $3 messages, outbox rows that
 * may have reached the borrower since $4 ($5, $6: the failed rows' errors that mean so),
 * active handoffs newest first.
 */
const CONTACT_RECORDS = `
  SELECT
    (SELECT json_agg(i) FROM channel_identities i
      WHERE i.borrower_id = ANY($1::text[]))::text AS identities,
    (SELECT json_agg(o) FROM opt_outs o WHERE o.borrower_id = ANY($1::text[]))::text AS opt_outs,
    (SELECT json_agg(p ORDER BY p.id) FROM pauses p
      WHERE p.borrower_id = ANY($1::text[])
        AND (p.lifted_at IS NULL OR p.lifted_at > $2::timestamptz)
        AND (p.until IS NULL OR p.until > $2::timestamptz))::text AS pauses,
    (SELECT json_agg(m ORDER BY m.at, m.id) FROM unnest($1::text[]) AS b(id)
      CROSS JOIN LATERAL (
        SELECT * FROM conversation_messages c WHERE c.borrower_id = b.id
        ORDER BY c.at DESC, c.id DESC LIMIT $3::int
      ) AS m)::text AS messages,
    (SELECT json_agg(h ORDER BY h.created_at DESC, h.id DESC) FROM handoffs h
      WHERE h.borrower_id = ANY($1::text[]) AND h.status IN ('open', 'claimed'))::text AS handoffs,
    (SELECT json_agg(n) FROM nudge_outbox n
      WHERE n.borrower_id = ANY($1::text[])
        AND ((n.status = 'sent' AND n.sent_at >= $4::timestamptz)
          OR (n.status = 'claimed' AND n.claimed_at >= $4::timestamptz)
          OR (n.status = 'failed' AND n.claimed_at >= $4::timestamptz
              AND (n.last_error = $5 OR starts_with(n.last_error, $6)))))::text AS sent,
    (SELECT json_agg(e ORDER BY e.at, e.id) FROM consent_events e
      WHERE e.borrower_id = ANY($1::text[]))::text AS consent,
    (SELECT json_agg(cp) FROM contact_points cp
      WHERE cp.borrower_id = ANY($1::text[]))::text AS points`;

interface ContactRecordsRow {
  readonly identities: string | null;
  readonly opt_outs: string | null;
  readonly pauses: string | null;
  readonly messages: string | null;
  readonly handoffs: string | null;
  readonly sent: string | null;
  readonly consent: string | null;
  readonly points: string | null;
}

/** Column names as the client names them ("borrower_id" -> "borrowerId"), each worked out once. */
const camelNames = new Map<string, string>();
function camel(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    camelNames.set(column, name);
  }
  return name;
}

/**
 * Rows as json_agg wrote them, pushed onto `into` as the client reads them:
 * camelCase keys, `instants` (by those names) as Dates. No column of these tables is a bigint
 * or a decimal.
 */
function pushClientRows<T>(into: T[], json: string | null, instants: ReadonlySet<string>): void {
  if (json === null) return;
  for (const row of JSON.parse(json) as Record<string, unknown>[]) {
    const mapped: Record<string, unknown> = {};
    for (const key in row) {
      const name = camel(key);
      const value = row[key];
      mapped[name] = value !== null && instants.has(name) ? new Date(value as string) : value;
    }
    into.push(mapped as T);
  }
}

/** The instant columns of each table read, by the client's names. */
const INSTANTS = {
  identities: new Set(["verifiedAt", "createdAt"]),
  at: new Set(["at"]),
  pauses: new Set(["until", "createdAt", "liftedAt"]),
  handoffs: new Set(["createdAt", "claimedAt", "releasedAt", "updatedAt"]),
  outbox: new Set([
    "plannedFor",
    "claimedUntil",
    "claimedAt",
    "sendStartedAt",
    "sentAt",
    "deliveryAt",
    "createdAt",
    "updatedAt",
  ]),
  contactPoints: new Set(["updatedAt"]),
} as const;

/**
 * Every kind for every borrower in `borrowerIds`, through each store part's own mapping from
 * client rows (the one its batch read uses): an entry per distinct id, empty when it has none.
 */
export async function readContactRecords(
  prisma: PrismaClient,
  borrowerIds: readonly string[],
  now: string,
  reach: { readonly since: string; readonly conversationDepth: number },
): Promise<Map<string, BorrowerContactRecords>> {
  const at = dbInstant(now, "now").toISOString();
  const since = dbInstant(reach.since, "since").toISOString();
  const ids = distinctIds(borrowerIds);
  if (ids.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<ContactRecordsRow[]>(
    CONTACT_RECORDS,
    arrayLiteral(ids),
    at,
    Math.max(0, Math.trunc(reach.conversationDepth)),
    since,
    LEASE_EXPIRED,
    UNKNOWN_OUTCOME,
  );
  const identityRows: ChannelIdentity[] = [];
  const optOutRows: OptOut[] = [];
  const pauseRows: PauseColumns[] = [];
  const outboxRows: NudgeOutbox[] = [];
  const messageRows: MessageRow[] = [];
  const handoffRows: Handoff[] = [];
  const consentRows: ConsentEvent[] = [];
  const pointRows: ContactPoint[] = [];
  for (const row of rows) {
    pushClientRows(identityRows, row.identities, INSTANTS.identities);
    pushClientRows(optOutRows, row.opt_outs, INSTANTS.at);
    pushClientRows(pauseRows, row.pauses, INSTANTS.pauses);
    pushClientRows(outboxRows, row.sent, INSTANTS.outbox);
    pushClientRows(messageRows, row.messages, INSTANTS.at);
    pushClientRows(handoffRows, row.handoffs, INSTANTS.handoffs);
    pushClientRows(consentRows, row.consent, INSTANTS.at);
    pushClientRows(pointRows, row.points, INSTANTS.contactPoints);
  }
  const identities = identitiesByBorrower(ids, identityRows);
  const optedOut = optedOutByBorrower(ids, optOutRows);
  const pauses = pausesByBorrower(ids, pauseRows);
  const sent = contactsByBorrower(ids, outboxRows);
  const conversation = messagesByBorrower(ids, messageRows);
  const handoffs = activeHandoffByBorrower(handoffRows);
  const consent = consentByBorrower(ids, consentRows);
  const preferences = preferencesByBorrower(pointRows);
  return contactRecordsFor(ids, {
    identities,
    optedOut,
    pauses,
    sent,
    conversation,
    handoff: handoffs,
    consent,
    preferences,
  });
}
