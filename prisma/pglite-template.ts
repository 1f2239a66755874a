// A fresh PGlite cluster kept as a dump: new databases load it instead of running initdb.
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { projectFile } from "./project-file.ts";

/**
 * initdb takes seconds; loading a dump of a fresh cluster takes a fraction of that. The dump is
 * made once per process and cached in node_modules/.cache (keyed by PGlite's version, so an
 * upgrade or `npm ci` starts over) for the next process: test suites open many databases.
 */
interface Template {
  readonly dump: Blob;
  readonly cached: boolean;
}

let template: Promise<Template> | undefined;

/** A new, empty in-memory PGlite. */
export function newMemoryPglite(): Promise<PGlite> {
  return newPglite();
}

/** A new, empty PGlite in `dataDir`, which must not hold a cluster yet. */
export async function newPglite(dataDir?: string): Promise<PGlite> {
  template ??= loadTemplate();
  const { dump, cached } = await template;
  try {
    return await PGlite.create({ dataDir, loadDataDir: dump });
  } catch (error) {
    if (!cached) throw error;
    // A damaged cache file: drop it and start over from initdb.
    const file = await cacheFile();
    if (file) await rm(file, { force: true });
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    template = makeTemplate(file);
    return PGlite.create({ dataDir, loadDataDir: (await template).dump });
  }
}

async function loadTemplate(): Promise<Template> {
  const file = await cacheFile();
  const bytes = file ? await readFile(file).catch(() => undefined) : undefined;
  return bytes ? { dump: new Blob([bytes]), cached: true } : makeTemplate(file);
}

async function makeTemplate(file: string | undefined): Promise<Template> {
  const client = await PGlite.create();
  try {
    const dump = await client.dumpDataDir("none");
    if (file) await store(file, Buffer.from(await dump.arrayBuffer())).catch(() => {});
    return { dump, cached: false };
  } finally {
    await client.close();
  }
}

/** Written under a temporary name, then renamed: a reader never sees half a file. */
async function store(file: string, bytes: Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, bytes);
  await rename(partial, file);
}

async function cacheFile(): Promise<string | undefined> {
  try {
    const wasm = import.meta.resolve("@electric-sql/pglite/pglite.wasm");
    const { version } = JSON.parse(await readFile(new URL("../package.json", wasm), "utf8"));
    return projectFile(`node_modules/.cache/repay/pglite-${version}-cluster.tar`);
  } catch {
    return undefined; // no cache, then
  }
}
