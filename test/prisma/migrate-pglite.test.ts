// prisma/migrations/ applied to an in-memory PGlite through the wasm schema engine.
import { openPglite } from "../../prisma/pglite-folder.ts";
import { migrationContract } from "./migration-contract.ts";

migrationContract("PGlite (in memory)", async () => {
  const db = await openPglite();
  return {
    target: { pglite: db.client },
    sql: async (text) => (await db.client.query<Record<string, unknown>>(text)).rows,
    close: () => db.close(),
  };
});
