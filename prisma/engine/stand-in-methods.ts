// The engine's JSON-RPC methods as the stand-in answers them: forwarded to the wasm engine, with
// the few places where the wasm build differs from the native binary smoothed over.
import type { MigrationList } from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "./load-schema-engine.ts";
import { NO_FILTER } from "./migration-files.ts";
import { MethodNotFound, type Print } from "./stand-in-rpc.ts";

/** Methods both builds have, forwarded as they are. */
const FORWARDED = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "debugPanic",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

/** Answers one request; `engine` opens the database and the engine on first use. */
export async function callEngine(
  method: string,
  params: unknown,
  print: Print,
  engine: () => Promise<SchemaEngine>,
): Promise<unknown> {
  if (method === "getDatabaseVersion") return (await engine()).version();
  if (!FORWARDED.has(method)) throw new MethodNotFound(method);
  const schemaEngine = await engine();
  const history = historyNeedingShadow(method, params);
  if (history) await schemaEngine.devDiagnostic({ migrationsList: history, filters: NO_FILTER });
  const forward = schemaEngine[method as "applyMigrations"].bind(schemaEngine) as (
    input: unknown,
  ) => Promise<unknown>;
  const result = await forward(params);
  if (method === "diff") {
    // The native engine prints the diff through the CLI; the wasm one returns it.
    const { stdout } = result as { stdout: string | null };
    if (stdout) print(stdout);
    return { ...(result as object), stdout: null };
  }
  return result;
}

/**
 * The wasm engine reaches a shadow database only after a `devDiagnostic` that used one (one on
 * a database with applied migrations): before that, `evaluateDataLoss`, `createMigration` and a
 * diff from migrations fail with "PostgreSQL shadow DB must be provided through an external
 * factory". Returns the history to diagnose first, if the method needs it.
 */
function historyNeedingShadow(method: string, params: unknown): MigrationList | undefined {
  if (method === "evaluateDataLoss" || method === "createMigration") {
    return (params as { migrationsList: MigrationList }).migrationsList;
  }
  if (method === "diff") {
    const { from, to } = params as { from: { tag: string }; to: { tag: string } };
    return [from, to].find((side) => side.tag === "migrations") as MigrationList | undefined;
  }
  return undefined;
}
