// The unsubscribe link's token: who, which address, until when; signed by the edge (pure format).
import type { Locale } from "../ports/borrowers.ts";

export interface UnsubscribeClaims {
  readonly borrowerId: string;
  /** The address the email went to. */
  readonly email: string;
  readonly locale: Locale;
  /** UTC ISO instant after which the link no longer works. */
  readonly expiresAt: string;
}

/** A keyed signature of the payload (the edge uses HMAC-SHA256 with a secret from env). */
export type SignPayload = (payload: string) => string;

export type TokenCheck =
  | { readonly ok: true; readonly claims: UnsubscribeClaims }
  | { readonly ok: false; readonly reason: "malformed" | "bad_signature" | "expired" };

const VERSION = "u1";

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): string | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Compares in time that depends only on the length, so a signature cannot be guessed byte by byte. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/**
 * `u1.<claims>.<signature>`, URL-safe.
 * @example unsubscribeToken({ borrowerId, email, locale: "en", expiresAt }, hmac)
 */
export function unsubscribeToken(claims: UnsubscribeClaims, sign: SignPayload): string {
  const body = [claims.borrowerId, claims.email, claims.locale, claims.expiresAt];
  const payload = `${VERSION}.${toBase64Url(JSON.stringify(body))}`;
  return `${payload}.${sign(payload)}`;
}

function claimsOf(json: string): UnsubscribeClaims | undefined {
  try {
    const body: unknown = JSON.parse(json);
    if (!Array.isArray(body) || body.length !== 4) return undefined;
    if (!body.every((part) => typeof part === "string")) return undefined;
    const [borrowerId, email, locale, expiresAt] = body as string[];
    if (locale !== "en" && locale !== "zh-CN") return undefined;
    if (Number.isNaN(Date.parse(expiresAt as string))) return undefined;
    return {
      borrowerId: borrowerId as string,
      email: email as string,
      locale,
      expiresAt: expiresAt as string,
    };
  } catch {
    return undefined;
  }
}

/**
 * Reads a token at `now`: malformed, bad_signature (tampered, or signed with another secret),
 * expired, or its claims.
 */
export function checkUnsubscribeToken(token: string, now: string, sign: SignPayload): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: "malformed" };
  const payload = `${parts[0]}.${parts[1]}`;
  if (!sameText(sign(payload), parts[2] as string)) return { ok: false, reason: "bad_signature" };
  const json = fromBase64Url(parts[1] as string);
  const claims = json === undefined ? undefined : claimsOf(json);
  if (!claims) return { ok: false, reason: "malformed" };
  if (Date.parse(claims.expiresAt) <= Date.parse(now)) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
