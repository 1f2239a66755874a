// The stand-in's `cli` sub-commands: can the CLI connect to the database, and creating it if not.
import pg from "pg";
import { lockDataDir } from "../data-dir-lock.ts";
import type { DatabaseLocation } from "../database-location.ts";
import { StorageError } from "../storage-error.ts";
import { createDatabase, databaseName } from "./postgres-admin.ts";

/** An error as the Prisma CLI expects it from `schema-engine cli ...`: a P-code and a message. */
export interface CodedFailure {
  readonly errorCode: string;
  readonly message: string;
}

/**
 * `schema-engine cli can-connect-to-database`. The CLI answers P1003 (database missing) by
 * asking for `create-database`, so that code must be exact.
 */
export async function checkConnection(
  location: DatabaseLocation,
): Promise<CodedFailure | undefined> {
  if (location.kind === "pglite") {
    if (location.dataDir === undefined) return undefined;
    try {
      lockDataDir(location.dataDir).release();
      return undefined;
    } catch (error) {
      if (error instanceof StorageError) return { errorCode: "P1001", message: error.message };
      throw error;
    }
  }
  const client = new pg.Client({ connectionString: location.url });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return undefined;
  } catch (error) {
    const { host, port } = new URL(location.url);
    if ((error as { code?: string }).code === "3D000") {
      return {
        errorCode: "P1003",
        message: `Database \`${databaseName(location.url)}\` does not exist on the database server at \`${host}:${port || 5432}\`.`,
      };
    }
    return {
      errorCode: "P1001",
      message: `Can't reach database server at \`${host}:${port || 5432}\`: ${(error as Error).message}`,
    };
  } finally {
    await client.end().catch(() => {});
  }
}

/** `schema-engine cli create-database`; a PGlite folder is created when first opened. */
export async function createTargetDatabase(location: DatabaseLocation): Promise<string> {
  if (location.kind === "pglite") return location.dataDir ?? "memory";
  await createDatabase(location.url);
  return databaseName(location.url);
}
