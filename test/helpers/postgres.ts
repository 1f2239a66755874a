// Throwaway PostgreSQL databases for suites that run against TEST_POSTGRES_URL.
import { randomBytes } from "node:crypto";
import { describe } from "vitest";
import {
  createDatabase,
  dropDatabase,
  withDatabaseName,
} from "../../prisma/engine/postgres-admin.ts";

/** The server tests may use, e.g. postgresql://postgres@127.0.0.1:5432/test; unset to skip. */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL || undefined;

export const POSTGRES_SKIP_REASON =
  "skipped: TEST_POSTGRES_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/test)";

/**
 * `describe` when TEST_POSTGRES_URL is set; otherwise the suite is skipped and its name says why.
 * When it is set, a server that cannot be reached fails the suite (see createThrowawayDatabase).
 */
export function describeWithPostgres(name: string, suite: () => void): void {
  if (TEST_POSTGRES_URL) describe(name, suite);
  else describe.skip(`${name} (${POSTGRES_SKIP_REASON})`, suite);
}

export interface ThrowawayDatabase {
  readonly name: string;
  /** TEST_POSTGRES_URL pointing at this database. */
  readonly url: string;
  /** Drops it, closing any connections still open. */
  drop(): Promise<void>;
}

/**
 * Creates `repay_test_<random>` on the TEST_POSTGRES_URL server. Throws, loudly, when the
 * variable is unset or the server cannot be reached: a set variable is a promise to test.
 *
 * @example
 * let db: ThrowawayDatabase;
 * beforeAll(async () => { db = await createThrowawayDatabase() });
 * afterAll(() => db?.drop());
 */
export async function createThrowawayDatabase(prefix = "repay_test"): Promise<ThrowawayDatabase> {
  const server = TEST_POSTGRES_URL;
  if (!server) throw new Error(`createThrowawayDatabase: ${POSTGRES_SKIP_REASON}`);
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  try {
    await createDatabase(server, name);
  } catch (error) {
    throw new Error(
      `TEST_POSTGRES_URL is set to ${redact(server)} but creating a database there failed: ` +
        `${reason(error)}. Start the server (or unset TEST_POSTGRES_URL to skip).`,
      { cause: error },
    );
  }
  return { name, url: withDatabaseName(server, name), drop: () => dropDatabase(server, name) };
}

/** ECONNREFUSED to "localhost" is an AggregateError with an empty message. */
function reason(error: unknown): string {
  const { message, code } = error as { message?: string; code?: string };
  return message || code || String(error);
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = "***";
  return parsed.toString();
}
