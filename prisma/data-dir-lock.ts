// One process per PGlite data folder: an flock on a file in the folder, which the OS drops when its holder dies.
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import fsExt from "fs-ext";
import { displayPath } from "./database-location.ts";
import { StorageError, StorageErrorCode } from "./storage-error.ts";

export const LOCK_FILE = "repay.lock";

/** Lock files this process holds: only these make "this process already has it open" true. */
const heldHere = new Set<string>();

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file and drops the lock. Safe to call twice. */
  release(): void;
}

/**
 * Takes `<dataDir>/repay.lock` or throws DATA_DIR_LOCKED naming the process holding it.
 * PGlite is single-process: a second process on the same folder would corrupt it.
 *
 * The lock is an exclusive flock, not the pid written in the file: the kernel drops it when
 * the holder exits or is killed, so a crash never leaves the folder locked, and a pid that
 * happens to be alive again (pid 1 in every container start) proves nothing. The pid in the
 * file is only there to name the holder in the message.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 5; attempt++) {
    const fd = openSync(path, constants.O_RDWR | constants.O_CREAT, 0o644);
    if (!tryFlock(fd)) {
      closeSync(fd);
      throw locked(dataDir, readOwner(path), path);
    }
    // The holder before us unlinks the file before it lets go: a lock on that unlinked file
    // guards nothing, so start again on the file now at the path.
    if (samePath(fd, path)) return held(path, fd);
    closeSync(fd);
  }
  throw locked(dataDir, readOwner(path), path);
}

function tryFlock(fd: number): boolean {
  try {
    fsExt.flockSync(fd, "exnb");
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EAGAIN" || code === "EWOULDBLOCK") return false;
    throw error;
  }
}

function samePath(fd: number, path: string): boolean {
  try {
    const open = fstatSync(fd);
    const now = statSync(path);
    return open.ino === now.ino && open.dev === now.dev;
  } catch {
    return false; // unlinked meanwhile
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

function held(path: string, fd: number): DataDirLock {
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  heldHere.add(path);
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.off("exit", release);
    heldHere.delete(path);
    rmSync(path, { force: true }); // still ours: we hold the lock on it
    closeSync(fd); // drops the flock
  };
  process.on("exit", release);
  return { path, release };
}

function locked(dataDir: string, pid: number | undefined, lockFile: string): StorageError {
  const where = displayPath(dataDir);
  const who = pid === undefined ? "another repay process" : `another repay process (pid ${pid})`;
  const message = heldHere.has(lockFile)
    ? `this process (pid ${process.pid}) already has ${where} open: close it before opening it again`
    : `${who} is using ${where}: stop it, use the running product's HTTP API, or set DATABASE_URL to a PostgreSQL server`;
  return new StorageError(StorageErrorCode.DataDirLocked, message, {
    pid: pid ?? 0,
    dataDir,
    lockFile,
  });
}
