// Creating and dropping whole PostgreSQL databases, which needs a connection to another database.
import pg from "pg";

/** `url` with its database name replaced. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database a connection URL names ("postgres" when it names none). */
export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `sql` on the server's maintenance database ("postgres"), outside any transaction. */
async function onMaintenanceDatabase(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function createDatabase(url: string, name = databaseName(url)): Promise<void> {
  return onMaintenanceDatabase(url, `CREATE DATABASE ${quoteIdentifier(name)}`);
}

/** Drops the database even if connections are still open (PostgreSQL 13+). */
export function dropDatabase(url: string, name = databaseName(url)): Promise<void> {
  return onMaintenanceDatabase(
    url,
    `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`,
  );
}
