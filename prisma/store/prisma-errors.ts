// Recognises the Prisma errors the store turns into answers: duplicates, dangling refs, missing rows.
import { Prisma } from "../../generated/prisma/client.ts";

function knownCode(error: unknown): string | undefined {
  return error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
}

/** P2002: a unique constraint refused the row (another writer got there first). */
export function isUniqueViolation(error: unknown): boolean {
  return knownCode(error) === "P2002";
}

/** P2003: a foreign key points at nothing. */
export function isForeignKeyViolation(error: unknown): boolean {
  return knownCode(error) === "P2003";
}

/** P2025: an update or delete named a row that does not exist. */
export function isRecordNotFound(error: unknown): boolean {
  return knownCode(error) === "P2025";
}

/**
 * The column of the foreign key a P2003 names, when the driver says ("loan_id"); the driver
 * adapters put the constraint name ("nudge_outbox_loan_id_fkey") somewhere in the error.
 */
export function foreignKeyColumn(error: unknown, columns: readonly string[]): string | undefined {
  const text = JSON.stringify(
    error instanceof Prisma.PrismaClientKnownRequestError ? (error.meta ?? {}) : {},
    (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value),
  );
  return columns.find((column) => text.includes(column));
}

/**
 * A raw statement's foreign key violation, SQLSTATE 23503: as Prisma's raw queries report it
 * (P2010 from the driver adapter), or as the database's own client does (a statement sent past
 * Prisma, prisma/store/sql-statements.ts).
 */
export function isRawForeignKeyViolation(error: unknown): boolean {
  if ((error as { code?: unknown } | null)?.code === "23503") return true;
  if (knownCode(error) !== "P2010") return false;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } })
    .meta;
  return meta?.driverAdapterError?.cause?.originalCode === "23503";
}
