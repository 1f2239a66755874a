// The PGlite folder lock: a live holder blocks everyone else; a dead holder never needs a human, whatever pid it had.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LOCK_FILE, lockDataDir } from "../../prisma/data-dir-lock.ts";
import { collectOutput } from "../helpers/child-output.ts";
import { childScript } from "../helpers/child-script.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const LOCK_PROCESS = join(ROOT, "test", "helpers", "lock-process.ts");

interface LockProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

const started: LockProcess[] = [];
let dataDir: string;

afterEach(async () => {
  for (const { child } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

function freshDir(): string {
  dataDir = mkdtempSync(join(tmpdir(), "repay-lock-"));
  return dataDir;
}

/** `hold` or `take` the lock in another process; `prefix` runs it through another command (unshare). */
function lockProcess(mode: "hold" | "take", dir: string, prefix: string[] = []): LockProcess {
  const argv = [...prefix, process.execPath, ...childScript(LOCK_PROCESS), mode, dir];
  const child = spawn(argv[0] as string, argv.slice(1), {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  const started_ = { child, output, exited };
  started.push(started_);
  return started_;
}

async function holding(holder: LockProcess): Promise<number> {
  for (;;) {
    const match = holder.output().match(/held the lock as pid (\d+)/);
    if (match) return Number(match[1]);
    if (holder.child.exitCode !== null) throw new Error(`holder exited:\n${holder.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("PGlite folder lock", () => {
  it("Should block a second process while the holder lives, naming the holder's pid", async () => {
    const dir = freshDir();
    const holder = lockProcess("hold", dir);
    const pid = await holding(holder);
    expect(() => lockDataDir(dir)).toThrow(
      expect.objectContaining({
        code: "DATA_DIR_LOCKED",
        message: expect.stringContaining(`another repay process (pid ${pid}) is using`),
        details: expect.objectContaining({ pid }),
      }),
    );
    const taker = lockProcess("take", dir);
    expect(await taker.exited).toBe(2);
    expect(taker.output()).toContain(`DATA_DIR_LOCKED: another repay process (pid ${pid})`);
  });

  it("Should let exactly one of three processes starting at once hold the folder", async () => {
    const dir = freshDir();
    const racers = [1, 2, 3].map(() => lockProcess("hold", dir));
    const outcomes = await Promise.all(
      racers.map(async (racer) => {
        for (;;) {
          if (/held the lock/.test(racer.output())) return "held";
          if (racer.child.exitCode !== null) return racer.output();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }),
    );
    expect(outcomes.filter((outcome) => outcome === "held")).toHaveLength(1);
    for (const refused of outcomes.filter((outcome) => outcome !== "held")) {
      expect(refused).toMatch(/^DATA_DIR_LOCKED: another repay process/);
    }
  });

  it("Should take over the lock of a holder killed with SIGKILL, with no one deleting the file", async () => {
    const dir = freshDir();
    const holder = lockProcess("hold", dir);
    const pid = await holding(holder);
    holder.child.kill("SIGKILL");
    await holder.exited;
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(pid));
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("Should take over a lock file naming a live pid that holds no lock (our own pid, pid 1)", () => {
    const dir = freshDir();
    for (const reused of [process.pid, 1]) {
      writeFileSync(join(dir, LOCK_FILE), `${reused}\n`);
      const lock = lockDataDir(dir);
      expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe(String(process.pid));
      lock.release();
    }
  });

  it("Should refuse this same process a second time, saying so", () => {
    const dir = freshDir();
    const lock = lockDataDir(dir);
    try {
      expect(() => lockDataDir(dir)).toThrow(
        expect.objectContaining({
          code: "DATA_DIR_LOCKED",
          message: expect.stringContaining(`this process (pid ${process.pid}) already has`),
        }),
      );
    } finally {
      lock.release();
    }
    lockDataDir(dir).release();
  });
});

/** A fresh pid namespace (as root): the process inside is pid 1, as a container's server is. */
const UNSHARE = ["unshare", "-fp", "--mount-proc", "--kill-child=SIGKILL"];
const unshareWorks =
  spawnSync(UNSHARE[0] as string, [...UNSHARE.slice(1), "true"], { stdio: "ignore" }).status === 0;
if (!unshareWorks) {
  console.warn(
    "skipping the pid-namespace lock test: `unshare -fp --mount-proc` is unavailable (needs root and util-linux)",
  );
}

describe.skipIf(!unshareWorks)("PGlite folder lock in a fresh pid namespace", () => {
  it("Should let a new pid-1 process take the lock after the pid-1 holder is killed", async () => {
    const dir = freshDir();
    const holder = lockProcess("hold", dir, UNSHARE);
    expect(await holding(holder)).toBe(1);
    expect(() => lockDataDir(dir)).toThrow(expect.objectContaining({ code: "DATA_DIR_LOCKED" }));

    // Kill the namespace's pid 1 from outside by its host pid; unshare exits once it is gone.
    const unsharePid = holder.child.pid as number;
    const hostPid = Number(
      readFileSync(`/proc/${unsharePid}/task/${unsharePid}/children`, "utf8").trim(),
    );
    expect(hostPid).toBeGreaterThan(1);
    process.kill(hostPid, "SIGKILL");
    await holder.exited;
    expect(readFileSync(join(dir, LOCK_FILE), "utf8").trim()).toBe("1");

    const restart = lockProcess("take", dir, UNSHARE);
    expect(await restart.exited).toBe(0);
    expect(restart.output()).toContain("took the lock as pid 1");
  });
});
