// Coded errors from the storage layer, shaped like core's DomainError so edges handle both alike.
import { DomainError } from "../core/errors/index.ts";

export const StorageErrorCode = {
  /** Another process has the PGlite data folder open. */
  DataDirLocked: "DATA_DIR_LOCKED",
  /** DATABASE_URL is set but is not a postgresql:// URL. */
  InvalidDatabaseUrl: "INVALID_DATABASE_URL",
  /** DATABASE_POOL_SIZE is set but is not a whole number from 1 to 1000. */
  InvalidPoolSize: "INVALID_DATABASE_POOL_SIZE",
  /** The database server cannot be reached, or refuses us (authentication, missing database). */
  DatabaseUnavailable: "DATABASE_UNAVAILABLE",
  /** The schema engine refused or failed to apply a migration. */
  MigrationFailed: "MIGRATION_FAILED",
} as const;

export type StorageErrorCode = (typeof StorageErrorCode)[keyof typeof StorageErrorCode];

export class StorageError extends DomainError {
  override readonly code: StorageErrorCode;

  constructor(
    code: StorageErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    options: { cause?: unknown } = {},
  ) {
    super(code, message, details);
    this.name = "StorageError";
    this.code = code;
    if ("cause" in options) this.cause = options.cause;
  }
}
