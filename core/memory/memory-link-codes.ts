// In-memory LinkCodeStore: a code's hash links one chat account, once, before it expires.
import type { LinkCodeStore } from "../ports/identities.ts";
import { toInstant } from "../store/instant.ts";
import { conflict } from "../store/store-errors.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";

interface LinkCode {
  readonly borrowerId: string;
  readonly expiresAt: string;
  usedAt?: string;
}

export function memoryLinkCodes(context: MemoryContext): LinkCodeStore {
  const codes = new Map<string, LinkCode>();

  return {
    async issue(borrowerId, codeHash, expiresAt) {
      requireBorrower(context, borrowerId);
      if (codes.has(codeHash)) throw conflict("link code", "codeHash");
      codes.set(codeHash, { borrowerId, expiresAt: toInstant(expiresAt, "expiresAt") });
    },

    async consume(codeHash, now) {
      const at = toInstant(now, "now");
      const code = codes.get(codeHash);
      if (!code || code.usedAt !== undefined || code.expiresAt <= at) return undefined;
      code.usedAt = at;
      return code.borrowerId;
    },
  };
}
