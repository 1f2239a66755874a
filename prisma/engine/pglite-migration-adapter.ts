// The schema engine's view of a PGlite database; shadow databases are fresh in-memory PGlites.
import type { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { newMemoryPglite } from "../pglite-template.ts";
import type { MigrationAdapterFactory } from "./migration-target.ts";
import { withScriptRunner } from "./script-adapter.ts";

/** Adapts an open PGlite; the caller keeps ownership of `client` and closes it. */
export function pgliteMigrationAdapter(client: PGlite): MigrationAdapterFactory {
  const shadows = new Set<PGlite>();

  async function adapterFor(db: PGlite, dispose: () => Promise<void>): Promise<SqlDriverAdapter> {
    // pglite-prisma-adapter bundles its own @prisma/driver-adapter-utils (7.2); same shapes.
    const inner = (await new PrismaPGlite(db).connect()) as unknown as SqlDriverAdapter;
    return withScriptRunner(inner, (script) => db.exec(script), dispose);
  }

  return {
    provider: "postgres",
    adapterName: "pglite (repay migrations)",
    connect: () => adapterFor(client, async () => {}),
    async connectToShadowDb() {
      const shadow = await newMemoryPglite();
      shadows.add(shadow);
      return adapterFor(shadow, async () => {
        shadows.delete(shadow);
        await shadow.close();
      });
    },
    async dispose() {
      await Promise.all([...shadows].map((shadow) => shadow.close()));
      shadows.clear();
    },
  };
}
