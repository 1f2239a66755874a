// What the wasm engine's and the driver adapters' errors say, as coded storage errors.
import { StorageError, StorageErrorCode } from "../storage-error.ts";

/** The engine's P-code (e.g. "P3006"), if the error carries one. */
export function engineErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^P\d{4}$/.test(code) ? code : undefined;
}

/** The message without the Rust span trace the wasm engine appends ("   0: schema_engine_wasm::..."). */
export function engineErrorMessage(error: unknown): string {
  const adapterError = driverAdapterCause(error);
  if (adapterError) return describeAdapterError(adapterError);
  const text = error instanceof Error ? error.message : String(error);
  const trace = text.search(/\n\s+0: \S+::/);
  return (trace === -1 ? text : text.slice(0, trace)).trim();
}

/** Engine codes for "could not connect": P1000 authentication ... P1017 connection closed. */
const CONNECTION_CODES = new Set(["P1000", "P1001", "P1002", "P1003", "P1010", "P1011", "P1017"]);
const CONNECTION_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "TlsConnectionError",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** DATABASE_UNAVAILABLE when it could not connect, else `otherwise` (MIGRATION_FAILED). */
export function toStorageError(
  error: unknown,
  otherwise: StorageErrorCode = StorageErrorCode.MigrationFailed,
): StorageError {
  if (error instanceof StorageError) return error;
  const prismaCode = engineErrorCode(error);
  const kind = driverAdapterCause(error)?.kind;
  const unavailable =
    (prismaCode !== undefined && CONNECTION_CODES.has(prismaCode)) ||
    (typeof kind === "string" && CONNECTION_KINDS.has(kind));
  return new StorageError(
    unavailable ? StorageErrorCode.DatabaseUnavailable : otherwise,
    engineErrorMessage(error),
    { prismaCode, adapterErrorKind: kind },
    { cause: error },
  );
}

interface AdapterErrorCause {
  readonly kind: string;
  readonly originalMessage?: string;
  readonly [field: string]: unknown;
}

function driverAdapterCause(error: unknown): AdapterErrorCause | undefined {
  const candidate = error as { name?: unknown; cause?: { kind?: unknown } } | null;
  if (candidate?.name !== "DriverAdapterError" || typeof candidate.cause?.kind !== "string") {
    return undefined;
  }
  return candidate.cause as AdapterErrorCause;
}

/** "DatabaseNotReachable (host 127.0.0.1, port 1)", or the database's own message. */
function describeAdapterError(cause: AdapterErrorCause): string {
  if (typeof cause.originalMessage === "string") return cause.originalMessage;
  const fields = Object.entries(cause)
    .filter(([key, value]) => key !== "kind" && value !== undefined)
    .map(([key, value]) => `${key} ${String(value)}`);
  return fields.length > 0 ? `${cause.kind} (${fields.join(", ")})` : cause.kind;
}
