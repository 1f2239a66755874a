// Long polling for one process only: a PostgreSQL lock keeps a second poller out; errors never end the process.
import { createHash } from "node:crypto";
import type { Bot } from "grammy";
import pg from "pg";
import { DomainError } from "../../core/errors/index.ts";

export const PollerErrorCode = { Busy: "TELEGRAM_POLLER_BUSY" } as const;

/** Exit code of a process refused as a second poller. */
export const POLLER_BUSY_EXIT = 3;

/** Holds the cluster's one polling slot for this bot until released. */
export interface PollerLock {
  release(): Promise<void>;
}

/**
 * Takes the session-level advisory lock for this bot token on PostgreSQL; throws a coded
 * DomainError when another process already polls. The lock goes with the connection, so a
 * killed poller frees it at once.
 */
export async function takePollerLock(databaseUrl: string, token: string): Promise<PollerLock> {
  const digest = createHash("sha256").update(`repay:telegram-poller:${token}`).digest();
  const key = digest.readBigInt64BE(0);
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => {});
  await client.connect();
  const { rows } = await client.query<{ taken: boolean }>(
    "SELECT pg_try_advisory_lock($1::bigint) AS taken",
    [key.toString()],
  );
  if (!rows[0]?.taken) {
    await client.end();
    throw new DomainError(
      PollerErrorCode.Busy,
      "another process is already polling Telegram for this bot. Long polling is for one process: " +
        "stop it, or run every telegram process in webhook mode (TELEGRAM_WEBHOOK_URL and TELEGRAM_WEBHOOK_SECRET)",
      {},
    );
  }
  return { release: () => client.end() };
}

/**
 * Polls until stopped. A Bot API error (a 409 because something else polls or a webhook is
 * set, a 401, a network failure) is logged and polling starts again after `retryMs`.
 */
export function pollForever(
  bot: Bot<never> | Bot,
  log: (line: string) => void,
  retryMs = 5_000,
): { stop(): Promise<void> } {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        await (bot as Bot).start({ onStart: (me) => log(`telegram: polling as @${me.username}`) });
      } catch (error) {
        if (stopped) break;
        log(`telegram: polling failed (${describe(error)}); trying again in ${retryMs / 1000} s`);
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, retryMs).unref();
        });
      }
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await (bot as Bot).stop().catch(() => {});
      await loop;
    },
  };
}

/** Telegram's answer to a wrong or revoked bot token (401, or 404 for a malformed one). */
export function isRefusedToken(error: unknown): boolean {
  const e = error as { name?: string; error_code?: number } | null;
  return e?.name === "GrammyError" && (e.error_code === 401 || e.error_code === 404);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
