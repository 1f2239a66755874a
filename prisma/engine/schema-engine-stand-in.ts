#!/usr/bin/env -S node --import tsx
// Stands in for Prisma's native schema-engine binary, which cannot be downloaded offline: the
// stock CLI (`prisma migrate dev|deploy|status`, `prisma generate`) talks JSON-RPC to this
// program, which forwards each call to @prisma/schema-engine-wasm. prisma.config.ts points
// PRISMA_SCHEMA_ENGINE_BINARY here; the file needs its run bit.
import { runStandIn } from "./stand-in.ts";

process.exitCode = await runStandIn(process.argv.slice(2));
