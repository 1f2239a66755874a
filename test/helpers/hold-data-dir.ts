// Holds a PGlite data folder's lock from another process, as a running `npm start` would.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { collectOutput } from "./child-output.ts";
import { childScript } from "./child-script.ts";

const LOCK_PROCESS = join(import.meta.dirname, "lock-process.ts");

export interface HeldDataDir {
  readonly pid: number;
  release(): Promise<void>;
}

/** Resolves once the other process holds the lock on `dataDir`. */
export async function holdDataDir(dataDir: string): Promise<HeldDataDir> {
  const child = spawn(process.execPath, [...childScript(LOCK_PROCESS), "hold", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = collectOutput(child);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  for (;;) {
    const match = output().match(/held the lock as pid (\d+)/);
    if (match) {
      return {
        pid: Number(match[1]),
        async release() {
          child.kill("SIGKILL");
          await exited;
        },
      };
    }
    if (child.exitCode !== null) throw new Error(`the lock holder exited:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
