// One process per PGlite data folder: a lock file holding the owner's pid; a dead owner's lock is taken over.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { displayPath } from "./database-location.ts";
import { StorageError, StorageErrorCode } from "./storage-error.ts";

export const LOCK_FILE = "repay.lock";

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes `<dataDir>/repay.lock` or throws DATA_DIR_LOCKED naming the live process holding it.
 * PGlite is single-process: a second process on the same folder would corrupt it.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) return held(path);
    const owner = readOwner(path);
    if (owner !== undefined && isAlive(owner)) throw locked(dataDir, owner, path);
    rmSync(path, { force: true }); // stale: its process is gone
  }
  throw locked(dataDir, readOwner(path) ?? 0, path);
}

function tryCreate(path: string): boolean {
  try {
    writeFileSync(path, `${process.pid}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, owned by another user
  }
}

function held(path: string): DataDirLock {
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off("exit", release);
    if (readOwner(path) === process.pid) rmSync(path, { force: true });
  };
  process.on("exit", release);
  return { path, release };
}

function locked(dataDir: string, pid: number, lockFile: string): StorageError {
  const where = displayPath(dataDir);
  const message =
    pid === process.pid
      ? `this process (pid ${pid}) already has ${where} open: close it before opening it again`
      : `another repay process (pid ${pid}) is using ${where}: stop it, use the running product's HTTP API, or set DATABASE_URL to a PostgreSQL server`;
  return new StorageError(StorageErrorCode.DataDirLocked, message, { pid, dataDir, lockFile });
}
