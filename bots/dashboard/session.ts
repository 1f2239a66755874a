// The dashboard login: a signed session cookie, a CSRF token per session, and the checks on them.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";

export const SESSION_COOKIE = "repay_dashboard";
/** Sessions last a working day. */
const SESSION_SECONDS = 12 * 60 * 60;

export interface Sessions {
  /** True when `attempt` is the dashboard password (compared in constant time). */
  passwordMatches(attempt: string): boolean;
  /** Sets the session cookie of a new session. */
  start(c: Context, now: Date): Promise<void>;
  end(c: Context): void;
  /** The session id of a valid, unexpired cookie, else undefined. */
  current(c: Context, now: Date): Promise<string | undefined>;
  /** The form token of a session: forms carry it; a POST without it is refused. */
  csrfToken(sessionId: string): string;
}

const digest = (text: string) => createHash("sha256").update(text).digest();

/** True when the request came over HTTPS, directly or through a proxy that says so. */
export function overHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === "https:" || c.req.header("x-forwarded-proto") === "https";
}

/**
 * Sessions signed with a key derived from the password: processes sharing a password share
 * sessions, and changing the password ends them all.
 *
 * @example const sessions = createSessions("correct horse battery");
 */
export function createSessions(password: string): Sessions {
  const key = createHmac("sha256", password).update("repay dashboard session v1").digest("hex");
  const wanted = digest(password);
  return {
    passwordMatches: (attempt) => timingSafeEqual(digest(attempt), wanted),
    async start(c, now) {
      const id = randomBytes(16).toString("base64url");
      const expires = Math.floor(now.getTime() / 1000) + SESSION_SECONDS;
      await setSignedCookie(c, SESSION_COOKIE, `${id}.${expires}`, key, {
        path: "/dashboard",
        httpOnly: true,
        sameSite: "Lax",
        secure: overHttps(c),
        maxAge: SESSION_SECONDS,
      });
    },
    end(c) {
      deleteCookie(c, SESSION_COOKIE, { path: "/dashboard", secure: overHttps(c) });
    },
    async current(c, now) {
      const value = await getSignedCookie(c, key, SESSION_COOKIE);
      if (!value) return undefined;
      const [id, expires] = value.split(".");
      if (!id || Number(expires) * 1000 <= now.getTime()) return undefined;
      return id;
    },
    csrfToken: (sessionId) =>
      createHmac("sha256", key).update(`csrf:${sessionId}`).digest("base64url"),
  };
}

/**
 * Lets a request through only with a session: a page (GET) without one is sent to the login
 * form, anything else gets 401. A POST must also carry the session's form token (`_csrf`).
 */
export function requireSession(sessions: Sessions, now: () => Date): MiddlewareHandler {
  return async (c, next) => {
    const id = await sessions.current(c, now());
    if (!id) {
      if (c.req.method === "GET" || c.req.method === "HEAD") {
        return c.redirect(`/dashboard/login?next=${encodeURIComponent(c.req.path)}`, 303);
      }
      return c.text("log in first", 401);
    }
    if (c.req.method === "POST") {
      const form = await c.req.parseBody();
      const token = typeof form._csrf === "string" ? form._csrf : "";
      const expected = sessions.csrfToken(id);
      if (
        token.length !== expected.length ||
        !timingSafeEqual(Buffer.from(token), Buffer.from(expected))
      ) {
        return c.text("this form has expired: reload the page and try again", 403);
      }
    }
    c.set("sessionId" as never, id as never);
    await next();
  };
}
