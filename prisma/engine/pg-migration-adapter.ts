// The schema engine's view of a PostgreSQL server through @prisma/adapter-pg 7.10.0, gaps filled.
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { MigrationAdapterFactory } from "./migration-target.ts";
import { createDatabase, dropDatabase, withDatabaseName } from "./postgres-admin.ts";
import { withScriptRunner } from "./script-adapter.ts";

const CHAR_OID = 18;
const TEXT_OID = 25;

/**
 * One connection per database: the engine takes a session advisory lock before applying
 * migrations, which only guards them if they run in the same session. Sessions run in UTC.
 */
function migrationPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: "-c TimeZone=UTC" });
  pool.on("error", () => {}); // an idle connection dropped by the server; the next query says so
  // adapter-pg cannot describe Postgres' internal "char" type (OID 18), which introspection of
  // pg_catalog returns (prisma/orm#27403): hand it over as text.
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const field of result.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  }) as typeof pool.query;
  return pool;
}

async function adapterFor(pool: pg.Pool, dispose: () => Promise<void>): Promise<SqlDriverAdapter> {
  const inner = await new PrismaPg(pool).connect();
  return withScriptRunner(inner, (script) => pool.query(script), dispose);
}

/**
 * Connects to `url`. Shadow databases (for `migrate dev`) are created on the same server and
 * dropped afterwards, which needs the CREATEDB privilege: adapter-pg's own shadow handling
 * reuses the main database and drops before closing.
 */
export function pgMigrationAdapter(url: string): MigrationAdapterFactory {
  const main = migrationPool(url);
  const shadows = new Map<string, pg.Pool>();

  async function closeShadow(name: string): Promise<void> {
    const pool = shadows.get(name);
    shadows.delete(name);
    await pool?.end();
    await dropDatabase(url, name);
  }

  return {
    provider: "postgres",
    adapterName: "pg (repay migrations)",
    connect: () => adapterFor(main, async () => {}),
    async connectToShadowDb() {
      const name = `repay_shadow_${randomUUID().replaceAll("-", "")}`;
      await createDatabase(url, name);
      const pool = migrationPool(withDatabaseName(url, name));
      shadows.set(name, pool);
      return adapterFor(pool, () => closeShadow(name));
    },
    async dispose() {
      await Promise.all([...shadows.keys()].map(closeShadow));
      await main.end();
    },
  };
}
