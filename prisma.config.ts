// Prisma CLI settings: the schema, the one migration history, the database, and the offline engine.
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { locationUrl, resolveLocation } from "./prisma/database-location.ts";

// The native schema engine is downloaded from Prisma's servers, which may be unreachable; this
// stand-in runs the same engine compiled to wasm (prisma/engine/).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ||= fileURLToPath(
  new URL("./prisma/engine/schema-engine-stand-in.ts", import.meta.url),
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // DATABASE_URL, else the PGlite folder (REPAY_DATA_DIR or ./data) as "pglite:<path>".
  datasource: { url: locationUrl(resolveLocation()) },
});
