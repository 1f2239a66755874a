// Where the database lives: DATABASE_URL (PostgreSQL), else a PGlite data folder, else in memory.
import { isAbsolute, relative, resolve } from "node:path";
import { StorageError, StorageErrorCode } from "./storage-error.ts";

export type DatabaseLocation =
  | { readonly kind: "postgres"; readonly url: string }
  /** `dataDir` is absolute; absent means in memory (tests). */
  | { readonly kind: "pglite"; readonly dataDir?: string };

export interface LocationOptions {
  /** A postgresql:// URL. Default: env DATABASE_URL. */
  readonly url?: string;
  /** The PGlite data folder. Default: env REPAY_DATA_DIR, else ./data. */
  readonly dataDir?: string;
  /** An in-memory PGlite, whatever the environment says. */
  readonly memory?: boolean;
}

export const DEFAULT_DATA_DIR = "./data";
const PGLITE_SCHEME = "pglite:";
const PGLITE_MEMORY = `${PGLITE_SCHEME}memory`;

/** Explicit options win over the environment; DATABASE_URL wins over REPAY_DATA_DIR. */
export function resolveLocation(
  options: LocationOptions = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): DatabaseLocation {
  if (options.memory) return { kind: "pglite" };
  if (options.url !== undefined) return postgres(options.url, "url");
  if (options.dataDir !== undefined) return { kind: "pglite", dataDir: resolve(options.dataDir) };
  if (env.DATABASE_URL) return postgres(env.DATABASE_URL, "DATABASE_URL");
  return { kind: "pglite", dataDir: resolve(env.REPAY_DATA_DIR || DEFAULT_DATA_DIR) };
}

function postgres(url: string, source: string): DatabaseLocation {
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new StorageError(
      StorageErrorCode.InvalidDatabaseUrl,
      `${source} must be a postgresql:// URL (unset it to use the embedded PGlite database)`,
      { source },
    );
  }
  return { kind: "postgres", url };
}

/**
 * The location as the Prisma CLI's `datasource.url`: a PostgreSQL URL as is, a PGlite folder as
 * "pglite:<absolute path>", which only our engine stand-in understands.
 */
export function locationUrl(location: DatabaseLocation): string {
  if (location.kind === "postgres") return location.url;
  return location.dataDir === undefined ? PGLITE_MEMORY : `${PGLITE_SCHEME}${location.dataDir}`;
}

export function parseLocationUrl(url: string): DatabaseLocation {
  if (url === PGLITE_MEMORY) return { kind: "pglite" };
  if (url.startsWith(PGLITE_SCHEME)) {
    return { kind: "pglite", dataDir: resolve(url.slice(PGLITE_SCHEME.length)) };
  }
  return postgres(url, "datasource.url");
}

/** For messages: "./data", "PGlite in memory", or the URL without its password. */
export function describeLocation(location: DatabaseLocation): string {
  if (location.kind === "pglite") {
    return location.dataDir === undefined
      ? "PGlite in memory"
      : `PGlite at ${displayPath(location.dataDir)}`;
  }
  const url = new URL(location.url);
  if (url.password) url.password = "***";
  return `PostgreSQL at ${url.toString()}`;
}

/** A path as the user would type it: "./data" inside the working directory, else absolute. */
export function displayPath(path: string): string {
  const inside = relative(process.cwd(), path);
  if (inside === "") return ".";
  return inside.startsWith("..") || isAbsolute(inside) ? path : `./${inside}`;
}
