// Loads @prisma/schema-engine-wasm on Node 20, which cannot import a .wasm file as an ES module.
import { readFile } from "node:fs/promises";
import * as bindings from "@prisma/schema-engine-wasm/schema_engine_bg";

export type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";

/** The part of the WebAssembly global we use (@types/node 20 does not declare it). */
interface WebAssemblyApi {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, Record<string, unknown>>,
  ): Promise<{ instance: { exports: Record<string, unknown> & { __wbindgen_start(): void } } }>;
}

interface PanicRegistry {
  set_message(message: string): void;
}

const globals = globalThis as unknown as {
  WebAssembly: WebAssemblyApi;
  PRISMA_WASM_PANIC_REGISTRY?: PanicRegistry & { lastMessage?: string };
};

let loaded: Promise<typeof bindings> | undefined;

/**
 * Instantiates the engine's wasm (5 MB) once per process and returns the bindings, whose
 * `SchemaEngine.new(options, log, adapterFactory)` builds an engine.
 */
export function loadSchemaEngine(): Promise<typeof bindings> {
  loaded ??= instantiate();
  return loaded;
}

/** The message of the last Rust panic inside the engine, if any. */
export function lastPanicMessage(): string | undefined {
  return globals.PRISMA_WASM_PANIC_REGISTRY?.lastMessage;
}

async function instantiate(): Promise<typeof bindings> {
  globals.PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message) {
      this.lastMessage = message;
    },
  };
  // The package exports only the JS; the .wasm sits beside it.
  const bindingsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(new URL("schema_engine_bg.wasm", bindingsUrl));
  const { instance } = await globals.WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bindings as unknown as Record<string, unknown>,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}
