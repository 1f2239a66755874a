// Opens PGlite in memory or on a data folder (files in <dataDir>/pglite, guarded by <dataDir>/repay.lock).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock.ts";
import { newMemoryPglite, newPglite } from "./pglite-template.ts";

export interface OpenPglite {
  readonly client: PGlite;
  /** Closes PGlite (flushing it to disk) and releases the folder. */
  close(): Promise<void>;
}

/** In memory when `dataDir` is undefined. Throws DATA_DIR_LOCKED if another process has the folder. */
export async function openPglite(dataDir?: string): Promise<OpenPglite> {
  if (dataDir === undefined) {
    const client = await newMemoryPglite();
    return { client, close: () => closeOnce(client) };
  }
  const lock = lockDataDir(dataDir);
  try {
    const files = join(dataDir, "pglite");
    const client = existsSync(join(files, "PG_VERSION"))
      ? await PGlite.create({ dataDir: files })
      : await newPglite(files);
    return {
      client,
      async close() {
        try {
          await closeOnce(client);
        } finally {
          lock.release();
        }
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function closeOnce(client: PGlite): Promise<void> {
  if (!client.closed) await client.close();
}
