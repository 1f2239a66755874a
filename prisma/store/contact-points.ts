// Contact preferences and the append-only consent log on Prisma.

import type {
  ConsentEvent,
  ConsentLog,
  ContactPointStore,
  ContactPreferences,
} from "../../core/ports/index.ts";
import { distinctIds, groupById, notFound } from "../../core/store/index.ts";
import type {
  ConsentEvent as ConsentRow,
  ContactPoint as ContactPointRow,
  PrismaClient,
} from "../../generated/prisma/client.ts";
import { dbInstant } from "./instants.ts";
import { isForeignKeyViolation } from "./prisma-errors.ts";

/** Contact point rows of many borrowers, as contactPoints.forBorrowers gives them. */
export function preferencesByBorrower(
  rows: readonly ContactPointRow[],
): Map<string, ContactPreferences> {
  return new Map(rows.map((row) => [row.borrowerId, preferencesFromRow(row)]));
}

/** Consent rows of many borrowers by instant then id, as consent.forBorrowers gives them. */
export function consentByBorrower(
  borrowerIds: readonly string[],
  rows: readonly ConsentRow[],
): Map<string, ConsentEvent[]> {
  return groupById(borrowerIds, rows.map(eventFromRow), (event) => event.borrowerId);
}

function preferencesFromRow(row: ContactPointRow): ContactPreferences {
  return {
    borrowerId: row.borrowerId,
    ...(row.email !== null ? { email: row.email } : {}),
    ...(row.preferredChannel !== null ? { preferredChannel: row.preferredChannel } : {}),
    fallbackOrder: row.fallbackOrder,
  };
}

function eventFromRow(row: ConsentRow): ConsentEvent {
  return {
    id: row.id,
    borrowerId: row.borrowerId,
    channel: row.channel,
    kind: row.kind,
    source: row.source,
    ...(row.address !== null ? { address: row.address } : {}),
    ...(row.textVersion !== null ? { textVersion: row.textVersion } : {}),
    at: row.at.toISOString(),
  };
}

export function prismaContactPoints(prisma: PrismaClient): ContactPointStore {
  return {
    async get(borrowerId) {
      const row = await prisma.contactPoint.findUnique({ where: { borrowerId } });
      return row ? preferencesFromRow(row) : undefined;
    },
    async forBorrowers(borrowerIds) {
      if (borrowerIds.length === 0) return new Map();
      const rows = await prisma.contactPoint.findMany({
        where: { borrowerId: { in: distinctIds(borrowerIds) } },
      });
      return preferencesByBorrower(rows);
    },
    async set(borrowerId, input) {
      const data = {
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.preferredChannel !== undefined
          ? { preferredChannel: input.preferredChannel }
          : {}),
        ...(input.fallbackOrder !== undefined ? { fallbackOrder: [...input.fallbackOrder] } : {}),
      };
      try {
        const row = await prisma.contactPoint.upsert({
          where: { borrowerId },
          create: { borrowerId, fallbackOrder: [], ...data },
          update: data,
        });
        return preferencesFromRow(row);
      } catch (error) {
        throw isForeignKeyViolation(error) ? notFound("borrower", borrowerId) : error;
      }
    },
    async borrowersByPhone(phone) {
      const rows = await prisma.borrower.findMany({
        where: { phone },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => row.id);
    },
  };
}

export function prismaConsentLog(prisma: PrismaClient): ConsentLog {
  const ORDER = [{ at: "asc" as const }, { id: "asc" as const }];
  return {
    async append(event) {
      try {
        const row = await prisma.consentEvent.create({
          data: {
            borrowerId: event.borrowerId,
            channel: event.channel,
            kind: event.kind,
            source: event.source,
            address: event.address ?? null,
            textVersion: event.textVersion ?? null,
            at: dbInstant(event.at, "at"),
          },
        });
        return eventFromRow(row);
      } catch (error) {
        throw isForeignKeyViolation(error) ? notFound("borrower", event.borrowerId) : error;
      }
    },
    async forBorrower(borrowerId) {
      const rows = await prisma.consentEvent.findMany({ where: { borrowerId }, orderBy: ORDER });
      return rows.map(eventFromRow);
    },
    async forBorrowers(borrowerIds) {
      const rows =
        borrowerIds.length === 0
          ? []
          : await prisma.consentEvent.findMany({
              where: { borrowerId: { in: distinctIds(borrowerIds) } },
              orderBy: ORDER,
            });
      return consentByBorrower(borrowerIds, rows);
    },
  };
}
