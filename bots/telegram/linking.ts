// Linking a Telegram account to a borrower: the link commands, answering undefined when the link is refused.
import {
  CommandErrorCode,
  linkByPhone,
  linkByCode as linkWithCode,
} from "../../core/commands/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import type { Borrower, Store } from "../../core/ports/index.ts";
import { hashLinkCode } from "../linking/link-code.ts";

const REFUSED: readonly string[] = [
  CommandErrorCode.LinkCodeRefused,
  CommandErrorCode.PhoneNotMatched,
];

/** A refused link is an answer for the user (undefined); anything else goes on up. */
const refusedAsUndefined = (error: unknown): undefined => {
  if (isDomainError(error) && REFUSED.includes(error.code)) return undefined;
  throw error;
};

export async function linkByCode(
  store: Store,
  telegramUserId: string,
  code: string,
  now: Date,
): Promise<Borrower | undefined> {
  const input = {
    channel: "telegram",
    externalId: telegramUserId,
    actor: "telegram",
    at: now.toISOString(),
  } as const;
  return linkWithCode(store, input, code, hashLinkCode).catch(refusedAsUndefined);
}

/** Links when exactly one borrower has this phone on file (E.164, compared digit for digit). */
export async function linkByContact(
  store: Store,
  telegramUserId: string,
  phone: string,
  now: Date,
): Promise<Borrower | undefined> {
  const input = {
    channel: "telegram",
    externalId: telegramUserId,
    actor: "telegram",
    at: now.toISOString(),
  } as const;
  return linkByPhone(store, input, phone).catch(refusedAsUndefined);
}
