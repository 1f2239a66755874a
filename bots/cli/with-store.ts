// Opens the configured database for one CLI command, and always closes it (releasing the PGlite lock).
import type { Store } from "../../core/ports/index.ts";
import { type Database, openDatabase } from "../../prisma/index.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";

export async function withStore<T>(run: (store: Store, db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await run(createPrismaStore(db.prisma), db);
  } finally {
    await db.close();
  }
}
