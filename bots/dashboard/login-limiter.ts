// The login's rate limit: a client that keeps sending wrong passwords gets 429 for a while.
import type { Context } from "hono";

/** Wrong passwords one client may send within WINDOW_MS before it is locked out. */
export const MAX_FAILURES = 5;
/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60 * 1000;
/** How long a locked-out client waits; every refused try while locked out does not extend it. */
export const LOCKOUT_MS = 15 * 60 * 1000;
/** Clients remembered at most: beyond, the oldest are forgotten (a flood cannot fill memory). */
const MAX_CLIENTS = 10_000;

interface Attempts {
  failures: number[];
  lockedUntil: number;
}

export interface LoginLimiter {
  /** Milliseconds `client` must still wait, or 0 when it may try a password. */
  waitMs(client: string, now: number): number;
  /** Records a wrong password; returns the wait it starts (0 while under the limit). */
  failed(client: string, now: number): number;
  /** A right password clears the client's failures. */
  succeeded(client: string): void;
}

/**
 * Counts wrong passwords per client in this process: MAX_FAILURES within 15 minutes lock the
 * client out for LOCKOUT_MS. Each process counts its own, so N processes allow N times as many.
 *
 * @example const limiter = loginLimiter(); if (limiter.waitMs(ip, Date.now())) return c.text("wait", 429);
 */
export function loginLimiter(): LoginLimiter {
  const clients = new Map<string, Attempts>();
  return {
    waitMs(client, now) {
      const entry = clients.get(client);
      return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
    },
    failed(client, now) {
      const entry = clients.get(client) ?? { failures: [], lockedUntil: 0 };
      clients.delete(client);
      entry.failures = [...entry.failures.filter((at) => at > now - WINDOW_MS), now];
      if (entry.failures.length >= MAX_FAILURES) {
        entry.lockedUntil = now + LOCKOUT_MS;
        entry.failures = [];
      }
      clients.set(client, entry);
      if (clients.size > MAX_CLIENTS) {
        const oldest = clients.keys().next().value;
        if (oldest !== undefined) clients.delete(oldest);
      }
      return entry.lockedUntil > now ? entry.lockedUntil - now : 0;
    },
    succeeded(client) {
      clients.delete(client);
    },
  };
}

/**
 * The client a login comes from: the socket's address on the Node server. X-Forwarded-For is
 * not trusted (anyone can send it); behind a proxy every client shares the proxy's address,
 * so the proxy should limit logins itself. Without a socket (app.request in tests) "local".
 */
export function clientOf(c: Context): string {
  const env = c.env as
    | { incoming?: { socket?: { remoteAddress?: string } }; server?: unknown }
    | undefined;
  return env?.incoming?.socket?.remoteAddress ?? "local";
}
