// PGlite for the Prisma adapter with each statement's SQL parsed and planned once per session (named prepared statements).
//
// PGlite's own `query` sends every statement as an unnamed one: PostgreSQL parses, analyzes and
// plans it afresh each time, inside this process. A balance turn's inbound read cost 2.1 ms of
// CPU that way and 0.5 ms as a named statement bound again (50 reads, median of 7 rounds). A
// server keeps a named statement's plan valid by itself: DDL or ANALYZE on a table it reads
// replans it at its next use, so nothing read through it can be stale.
import {
  type PGlite,
  parse,
  protocol,
  type QueryOptions,
  type Results,
} from "@electric-sql/pglite";

/** Statements kept prepared at once; the least recently used is closed beyond this. */
export const PREPARED_STATEMENT_LIMIT = 200;

/** SQLSTATEs after which a statement is prepared again: it is gone, or its result's shape changed. */
const PREPARE_AGAIN = new Set(["26000", "0A000"]);

/** What the Prisma adapter calls on a PGlite client, and on a transaction's. */
interface Queryable {
  query<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>>;
  exec(sql: string, options?: QueryOptions): Promise<Results[]>;
}

interface TransactionLike extends Queryable {
  rollback(): Promise<void>;
  readonly closed: boolean;
}

/** The subset of PGlite that pglite-prisma-adapter 0.7 uses, served with prepared statements. */
export interface PreparedPglite extends Queryable {
  transaction<T>(callback: (tx: TransactionLike) => Promise<T>): Promise<T>;
  /** Statements prepared now (for tests). */
  readonly preparedCount: number;
}

interface Prepared {
  readonly name: string;
  readonly paramTypes: readonly number[];
}

/**
 * `pglite` as the Prisma adapter sees it, with `query` (on the client and in transactions) run
 * as named statements, one per distinct SQL text, at most `limit` kept. Results, errors and
 * locking are PGlite's own: the same mutexes as `query`, written to its file system after a
 * statement outside a transaction.
 *
 * @example
 * const adapter = new PrismaPGlite(preparedStatements(pglite) as unknown as PGlite);
 */
export function preparedStatements(
  pglite: PGlite,
  limit = PREPARED_STATEMENT_LIMIT,
): PreparedPglite {
  const statements = new Map<string, Prepared>();
  let next = 0;
  const protocolOptions = { syncToFs: false } as const;

  /** Closes a statement no longer kept. Its name is never reused: one that failed to close is left be. */
  const close = async (name: string) => {
    await pglite
      .execProtocol(
        concat([protocol.serialize.close({ type: "S", name }), protocol.serialize.sync()]),
        protocolOptions,
      )
      .catch(() => {});
  };

  const prepare = async (sql: string, options?: QueryOptions): Promise<Prepared> => {
    const known = statements.get(sql);
    if (known) {
      // Most recently used last: Map keeps insertion order.
      statements.delete(sql);
      statements.set(sql, known);
      return known;
    }
    next += 1;
    const name = `repay_${next}`;
    const { messages } = await pglite.execProtocol(
      concat([
        protocol.serialize.parse({ name, text: sql, types: options?.paramTypes }),
        protocol.serialize.describe({ type: "S", name }),
        protocol.serialize.sync(),
      ]),
      protocolOptions,
    );
    const prepared = { name, paramTypes: parse.parseDescribeStatementResults(messages) };
    statements.set(sql, prepared);
    for (const [oldSql, old] of statements) {
      if (statements.size <= limit) break;
      statements.delete(oldSql);
      await close(old.name);
    }
    return prepared;
  };

  const run = async <T>(
    sql: string,
    params: readonly unknown[],
    options: QueryOptions | undefined,
  ): Promise<Results<T>> => {
    let prepared: Prepared | undefined;
    try {
      prepared = await prepare(sql, options);
      const types = prepared.paramTypes;
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = types[i] as number;
        const serialize = options?.serializers?.[type] ?? pglite.serializers[type];
        return serialize ? serialize(value) : String(value);
      });
      const { messages } = await pglite.execProtocol(
        concat([
          protocol.serialize.bind({ statement: prepared.name, values }),
          protocol.serialize.describe({ type: "P" }),
          protocol.serialize.execute({}),
          protocol.serialize.sync(),
        ]),
        protocolOptions,
      );
      return parse.parseResults(messages, pglite.parsers, options)[0] as Results<T>;
    } catch (error) {
      if (prepared && isPrepareAgain(error) && statements.get(sql) === prepared) {
        statements.delete(sql);
        await close(prepared.name);
      }
      // As PGlite's own query annotates its errors.
      throw Object.assign(error as object, { query: sql, params, queryOptions: options });
    }
  };

  /** Outside a transaction: retried once when the statement had to be prepared again. */
  const query = async <T>(sql: string, params: unknown[] = [], options?: QueryOptions) =>
    pglite._runExclusiveTransaction(() =>
      pglite._runExclusiveQuery(async () => {
        await pglite._checkReady();
        try {
          return await run<T>(sql, params, options);
        } catch (error) {
          if (!isPrepareAgain(error)) throw error;
          return await run<T>(sql, params, options);
        } finally {
          await pglite.syncToFs();
        }
      }),
    );

  return {
    query,
    exec: (sql, options) => pglite.exec(sql, options),
    transaction: (callback) =>
      pglite.transaction((tx) =>
        callback({
          query: <T>(sql: string, params: unknown[] = [], options?: QueryOptions) => {
            if (tx.closed) throw new Error("Transaction is closed");
            return pglite._runExclusiveQuery(() => run<T>(sql, params, options));
          },
          exec: (sql, options) => tx.exec(sql, options),
          rollback: () => tx.rollback(),
          get closed() {
            return tx.closed;
          },
        }),
      ),
    get preparedCount() {
      return statements.size;
    },
  };
}

function isPrepareAgain(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && PREPARE_AGAIN.has(code);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
