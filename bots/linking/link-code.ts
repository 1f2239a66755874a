// One-time link codes: short, unambiguous to read aloud, and only ever stored as a hash.
import { createHash, randomInt } from "node:crypto";

/** No 0/O, 1/I/L: a borrower may type the code by hand. */
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const LINK_CODE_LENGTH = 10;
export const DEFAULT_LINK_CODE_TTL_MINUTES = 24 * 60;

export function generateLinkCode(): string {
  let code = "";
  for (let i = 0; i < LINK_CODE_LENGTH; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/** Codes are compared case-insensitively, ignoring spaces and dashes. */
export function normaliseLinkCode(text: string): string {
  return text.replace(/[\s-]/g, "").toUpperCase();
}

export function hashLinkCode(code: string): string {
  return createHash("sha256")
    .update(`repay-link:${normaliseLinkCode(code)}`)
    .digest("hex");
}
