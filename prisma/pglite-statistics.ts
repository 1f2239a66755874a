// PGlite's planner statistics kept as PostgreSQL's autovacuum keeps a server's: re-analyzed when the book has grown or shrunk.
//
// Without statistics PostgreSQL plans for an almost empty table: the planner's page read then
// scans and sorts every loan still due for each page, so a pass grows with the square of the
// book (measured: 95 to 141 ms a page at 20,000 loans, against about 15 analyzed). A server's
// autovacuum analyzes a table once 50 + 10% of its rows changed; PGlite has no autovacuum, and
// its change counters are not kept up to date, so the loans' row count stands in for them.
import type { PGlite } from "@electric-sql/pglite";

/** How often an open PGlite database checks its statistics (a count of the loans). */
export const STATISTICS_CHECK_MS = 60_000;

/**
 * ANALYZEs the database when the loans' row count is more than 50 + 10% away from what the
 * statistics hold (none yet: as if they held 0). True when it analyzed.
 */
export async function analyzeIfStale(pglite: PGlite): Promise<boolean> {
  const { rows } = await pglite.query<{ estimated: number; actual: number }>(
    `SELECT (SELECT reltuples FROM pg_class WHERE oid = 'loans'::regclass)::float8 AS estimated,
            (SELECT count(*) FROM loans)::float8 AS actual`,
  );
  const row = rows[0] as { estimated: number; actual: number };
  // reltuples is -1 for a table never analyzed; a new, empty book needs no ANALYZE yet.
  const estimated = Math.max(row.estimated, 0);
  if (Math.abs(row.actual - estimated) <= 50 + 0.1 * estimated) return false;
  await pglite.exec("ANALYZE");
  return true;
}

/**
 * Checks now, then every `everyMs` while the database is open; the returned stop ends it. A
 * failed check is reported, never thrown, and the next one tries again.
 */
export async function keepStatistics(
  pglite: PGlite,
  onError: (error: unknown) => void,
  everyMs = STATISTICS_CHECK_MS,
): Promise<() => void> {
  await analyzeIfStale(pglite).catch(onError);
  const timer = setInterval(() => {
    analyzeIfStale(pglite).catch(onError);
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
