// Wraps a driver adapter so a migration script runs whole, awaited, with Postgres errors mapped.
import {
  DriverAdapterError,
  type SqlDriverAdapter,
  type Transaction,
} from "@prisma/driver-adapter-utils";

/**
 * Both stock adapters get `executeScript` wrong for migrations: pglite-prisma-adapter 0.7.2 does
 * not await it (a failing migration becomes an unhandled rejection and is recorded as applied),
 * and @prisma/adapter-pg 7.10.0 splits the script on ";" and runs the pieces on whichever pooled
 * connection is free. `runScript` sends the script as one simple-protocol query instead, which
 * Postgres runs as one implicit transaction, as the native engine does.
 */
export function withScriptRunner(
  inner: SqlDriverAdapter,
  runScript: (script: string) => Promise<unknown>,
  dispose: () => Promise<void> = () => inner.dispose(),
): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query) => inner.queryRaw(query),
    executeRaw: (query) => inner.executeRaw(query),
    startTransaction: (isolationLevel): Promise<Transaction> =>
      inner.startTransaction(isolationLevel),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: true },
    executeScript: async (script) => {
      try {
        await runScript(script);
      } catch (error) {
        throw toDriverAdapterError(error);
      }
    },
    dispose,
  };
}

interface PostgresErrorFields {
  code: string;
  severity?: string;
  message: string;
  detail?: string;
  column?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  if (typeof error !== "object" || error === null) return false;
  const { code, message } = error as Record<string, unknown>;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof message === "string";
}

/** Postgres errors become the `postgres` kind the engine reports with their SQLSTATE. */
export function toDriverAdapterError(error: unknown): unknown {
  if (!isPostgresError(error)) return error;
  return new DriverAdapterError({
    kind: "postgres",
    code: error.code,
    severity: error.severity ?? "ERROR",
    message: error.message,
    detail: error.detail,
    column: error.column,
    hint: error.hint,
  });
}
