// `npm start` in a real terminal (tmux): pick a borrower, ask, read reminders, and no line is garbled.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const HAS_TMUX = spawnSync("tmux", ["-V"]).status === 0;
const SOCKET = `repay-test-${process.pid}`;
const SESSION = "demo";

if (!HAS_TMUX) {
  console.warn("console-tmux: skipped, tmux is not installed (apt-get install -y tmux)");
}

function tmux(...args: string[]): string {
  return execFileSync("tmux", ["-L", SOCKET, ...args], { encoding: "utf8" });
}

/** The visible screen, trailing blank lines dropped. */
function screen(): string[] {
  const lines = tmux("capture-pane", "-p", "-t", SESSION).split("\n");
  while (lines.length > 0 && lines.at(-1)?.trim() === "") lines.pop();
  return lines;
}

async function waitForScreen(pattern: RegExp, timeoutMs = 150_000): Promise<string[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const lines = screen();
    if (pattern.test(lines.join("\n"))) return lines;
    if (Date.now() > until) throw new Error(`did not see ${pattern} on:\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const dataDir = mkdtempSync(join(tmpdir(), "repay-tmux-"));

afterAll(() => {
  if (HAS_TMUX) spawnSync("tmux", ["-L", SOCKET, "kill-server"]);
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(!HAS_TMUX)(
  `npm start in a terminal${HAS_TMUX ? "" : " (skipped: tmux is not installed)"}`,
  () => {
    it("Should keep the typed borrower choice whole while reminders print above it, answer a question and list reminders by ref and name", async () => {
      // A wide pane, so a line the product prints is one screen row.
      tmux(
        "new-session",
        "-d",
        "-s",
        SESSION,
        "-x",
        "200",
        "-y",
        "50",
        "-e",
        `REPAY_DATA_DIR=${dataDir}`,
        "-e",
        "PORT=0",
        "-c",
        ROOT,
        // The pane outlives the product so the test can read how it ended.
        "npm start; echo repay-exited-$?; sleep 600",
      );
      // capture-pane drops trailing spaces: the prompt reads "number 1-20>".
      await waitForScreen(/number 1-20>$/m);
      // The planner runs at start and the dispatcher every 5 s: the first reminders come after this.
      tmux("send-keys", "-t", SESSION, "-l", "1");
      const withReminders = await waitForScreen(/reminders? sent/, 60_000);
      // The prompt with the typed "1" is the last line, whole; every notice is a line of its own.
      expect(withReminders.at(-1)).toBe("number 1-20> 1");
      for (const line of withReminders.slice(0, -1)) {
        expect(line).not.toMatch(/number 1-20>.*(──|\[repay\])/);
      }
      expect(withReminders.join("\n")).toMatch(
        /^── \d+ reminders? sent(, \d+ held for quiet hours)? - \/nudges to see them$/m,
      );
      expect(withReminders.join("\n")).not.toMatch(/nudge #\d+ to [0-9a-f]{8}-/);

      tmux("send-keys", "-t", SESSION, "Enter");
      await waitForScreen(/^You are Ana Lopez\./m);
      tmux("send-keys", "-t", SESSION, "-l", "how much do I owe?");
      tmux("send-keys", "-t", SESSION, "Enter");
      await waitForScreen(/^assistant> Your balance is/m);

      tmux("send-keys", "-t", SESSION, "-l", "/nudges");
      tmux("send-keys", "-t", SESSION, "Enter");
      const listed = await waitForScreen(/shows one borrower's reminders in full/);
      const sent = listed.filter((line) => /^\d\d:\d\d sent B-\d{3} \S/.test(line));
      expect(sent.length).toBeGreaterThan(0);
      // Which borrowers are in their contact hours depends on the hour the test runs: the first
      // reminder may be an English or a Chinese borrower's, each greeted by name in their language.
      expect(sent[0]).toMatch(
        /^\d\d:\d\d sent (B-\d{3}) ([^:]+): (Hi \2, this is Demo Lending\.|\2，您好，这里是Demo Lending)/,
      );

      tmux("send-keys", "-t", SESSION, "-l", "/quit");
      tmux("send-keys", "-t", SESSION, "Enter");
      await waitForScreen(/repay-exited-0/, 30_000);
      expect(existsSync(join(dataDir, "repay.lock"))).toBe(false);
    }, 240_000);
  },
);
