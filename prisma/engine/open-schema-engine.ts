// A wasm schema engine bound to one migration target, and the one way to let go of both.
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaContainer } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { loadSchemaEngine, type SchemaEngine } from "./load-schema-engine.ts";
import { type MigrationTarget, migrationAdapterFor } from "./migration-adapter.ts";

export interface SchemaEngineSession {
  readonly engine: SchemaEngine;
  /** Frees the engine and closes every connection and shadow database it opened. */
  close(): Promise<void>;
}

export interface SchemaEngineOptions {
  /** Schema files the engine starts with (needed by schema-reading methods only). */
  readonly schemaFiles?: readonly SchemaContainer[];
  /** Receives the engine's log lines (JSON text). Default: dropped. */
  readonly log?: (line: string) => void;
}

/**
 * Opens an engine on `target`. The wasm itself is instantiated once per process.
 *
 * @example
 * const session = await openSchemaEngine({ url: "postgresql://localhost/repay" });
 * try { await session.engine.applyMigrations(...) } finally { await session.close() }
 */
export async function openSchemaEngine(
  target: MigrationTarget,
  options: SchemaEngineOptions = {},
): Promise<SchemaEngineSession> {
  const { SchemaEngine } = await loadSchemaEngine();
  const factory = migrationAdapterFor(target);
  // An empty list makes the engine panic; no list is fine.
  const files = options.schemaFiles?.length ? options.schemaFiles : undefined;
  const datamodels = files?.map((file): [string, string] => [file.path, file.content]);
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new(
      { datamodels },
      options.log ?? (() => {}),
      bindMigrationAwareSqlAdapterFactory(factory),
    );
  } catch (error) {
    await factory.dispose();
    throw error;
  }
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      engine.free();
      await factory.dispose();
    },
  };
}
