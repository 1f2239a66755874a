// IdentityStore on Prisma: (channel, external id) is unique; binding again moves the account.

import type { ChannelIdentity, IdentityStore } from "../../core/ports/index.ts";
import { distinctIds, groupById, notFound } from "../../core/store/index.ts";
import type {
  ChannelIdentity as ChannelIdentityRow,
  PrismaClient,
} from "../../generated/prisma/client.ts";
import { type BorrowerColumns, borrowerFromRow } from "./borrower-rows.ts";
import { batchCalls } from "./call-batcher.ts";
import { type InboundAsk, inboundAsk, readInbound } from "./inbound-read.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";
import { sqlStatements } from "./sql-statements.ts";

function identityFromRow(row: ChannelIdentityRow): ChannelIdentity {
  return {
    channel: row.channel,
    externalId: row.externalId,
    borrowerId: row.borrowerId,
    verifiedAt: (row.verifiedAt ?? row.createdAt).toISOString(),
  };
}

/** By channel name, then external id: the order the in-memory store uses too. */
function byChannelAndId(a: ChannelIdentity, b: ChannelIdentity): number {
  const ka = `${a.channel}\u0000${a.externalId}`;
  const kb = `${b.channel}\u0000${b.externalId}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Client rows of many borrowers' identities, as forBorrowers gives them. */
export function identitiesByBorrower(
  borrowerIds: readonly string[],
  rows: readonly ChannelIdentityRow[],
): Map<string, ChannelIdentity[]> {
  const identities = rows.map(identityFromRow).sort(byChannelAndId);
  return groupById(borrowerIds, identities, (identity) => identity.borrowerId);
}

/**
 * The identities on `prisma`. With `batch`, the inbound reads of chats that ask at once (in
 * one turn of the event loop, or while such a read runs) share one statement
 * (call-batcher.ts): for the store outside transactions, where many chats write at once.
 */
export function prismaIdentities(
  prisma: PrismaClient,
  options: { readonly batch?: boolean } = {},
): IdentityStore {
  const sql = sqlStatements(prisma);
  const readOne = async (ask: InboundAsk) => (await readInbound(sql, [ask]))[0];
  const readMany = (asks: readonly InboundAsk[]) => readInbound(sql, asks);
  const read = options.batch ? batchCalls({ one: readOne, many: readMany }) : readOne;
  return {
    async find(channel, externalId) {
      const row = await prisma.channelIdentity.findUnique({
        where: { channel_externalId: { channel, externalId } },
      });
      return row ? identityFromRow(row) : undefined;
    },

    async findBorrower(channel, externalId) {
      // One statement: the account's row and its borrower's, by the (channel, external_id) key.
      const rows = await prisma.$queryRaw<BorrowerColumns[]>`
        SELECT b.id, b.external_ref AS "externalRef", b.name, b.phone, b.locale,
               b.time_zone AS "timeZone", b.deceased, b.bankruptcy, b.hardship
        FROM channel_identities i JOIN borrowers b ON b.id = i.borrower_id
        WHERE i.channel = ${channel}::channel AND i.external_id = ${externalId}`;
      const row = rows[0];
      return row ? borrowerFromRow(row) : undefined;
    },

    // The instant is checked first: a bad one fails its own call, never a batch.
    findBorrowerForMessage: async (channel, externalId, now) =>
      read(inboundAsk(channel, externalId, now)),

    async forBorrower(borrowerId) {
      const rows = await prisma.channelIdentity.findMany({ where: { borrowerId } });
      return rows.map(identityFromRow).sort(byChannelAndId);
    },

    async forBorrowers(borrowerIds) {
      if (borrowerIds.length === 0) return new Map();
      const rows = await prisma.channelIdentity.findMany({
        where: { borrowerId: { in: distinctIds(borrowerIds) } },
      });
      return identitiesByBorrower(borrowerIds, rows);
    },

    async bind(identity) {
      const verifiedAt = dbInstant(identity.verifiedAt, "verifiedAt");
      const { channel, externalId, borrowerId } = identity;
      try {
        // INSERT ... ON CONFLICT DO UPDATE: two binds of one account cannot both insert.
        const row = await prisma.channelIdentity.upsert({
          where: { channel_externalId: { channel, externalId } },
          create: { channel, externalId, borrowerId, verifiedAt },
          update: { borrowerId, verifiedAt },
        });
        return identityFromRow(row);
      } catch (error) {
        throw isForeignKeyViolation(error) ? notFound("borrower", borrowerId) : error;
      }
    },
  };
}
