// Signs unsubscribe tokens with HMAC-SHA256 and the secret from EMAIL_UNSUBSCRIBE_SECRET.
import { createHmac } from "node:crypto";
import type { SignPayload } from "../../core/email/index.ts";

/** @example const sign = hmacSigner(settings.unsubscribeSecret); unsubscribeToken(claims, sign) */
export function hmacSigner(secret: string): SignPayload {
  return (payload) => createHmac("sha256", secret).update(payload).digest("base64url");
}
