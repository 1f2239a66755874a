// Fresh databases for a bench run: in-memory PGlite, or a throwaway PostgreSQL database.
import { type Database, openDatabase } from "../../prisma/database.ts";

/** A freshly migrated database and how to get rid of it. */
export interface BenchDatabase {
  readonly db: Database;
  dispose(): Promise<void>;
}

/** Opens fresh, migrated databases of one kind; each `open()` is empty. */
export interface BenchTarget {
  readonly kind: "pglite" | "postgres";
  open(): Promise<BenchDatabase>;
}

export const pgliteTarget: BenchTarget = {
  kind: "pglite",
  async open() {
    const db = await openDatabase({ memory: true });
    return { db, dispose: () => db.close() };
  },
};

/**
 * PostgreSQL from TEST_POSTGRES_URL, else DATABASE_URL; each open() creates a throwaway
 * database there (test/helpers/postgres.ts) and dispose() drops it. Returns the reason
 * instead when neither variable is set.
 */
export async function postgresTarget(): Promise<BenchTarget | { skipped: string }> {
  const server = process.env.TEST_POSTGRES_URL || process.env.DATABASE_URL;
  if (!server) return { skipped: "neither TEST_POSTGRES_URL nor DATABASE_URL is set" };
  // The helper reads TEST_POSTGRES_URL once, when first imported.
  process.env.TEST_POSTGRES_URL = server;
  const { createThrowawayDatabase } = await import("../../test/helpers/postgres.ts");
  return {
    kind: "postgres",
    async open() {
      const throwaway = await createThrowawayDatabase("repay_bench");
      try {
        const db = await openDatabase({ url: throwaway.url });
        return {
          db,
          dispose: async () => {
            await db.close();
            await throwaway.drop();
          },
        };
      } catch (error) {
        await throwaway.drop();
        throw error;
      }
    },
  };
}
