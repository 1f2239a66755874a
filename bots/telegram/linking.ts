// Linking a Telegram account to a borrower: a one-time code from the lender, or the borrower's own phone.
import { type Borrower, lookAgain, type Store } from "../../core/ports/index.ts";
import { hashLinkCode } from "../linking/link-code.ts";

export async function linkByCode(
  store: Store,
  telegramUserId: string,
  code: string,
  now: Date,
): Promise<Borrower | undefined> {
  if (!/^[A-Za-z0-9-]{4,64}$/.test(code)) return undefined;
  const borrowerId = await store.linkCodes.consume(hashLinkCode(code), now.toISOString());
  if (!borrowerId) return undefined;
  return bind(store, telegramUserId, borrowerId, now, "link-code");
}

/** Binds when exactly one borrower has this phone on file (E.164, compared digit for digit). */
export async function linkByContact(
  store: Store,
  telegramUserId: string,
  phone: string,
  now: Date,
): Promise<Borrower | undefined> {
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 7) return undefined;
  const candidates = await store.borrowers.search(digits.slice(-4), 50);
  const matches = candidates.filter((b) => b.phone?.replace(/\D/g, "") === digits);
  if (matches.length !== 1) return undefined;
  return bind(store, telegramUserId, (matches[0] as Borrower).id, now, "contact");
}

async function bind(
  store: Store,
  telegramUserId: string,
  borrowerId: string,
  now: Date,
  via: string,
): Promise<Borrower | undefined> {
  const previous = await store.identities.find("telegram", telegramUserId);
  await store.identities.bind({
    channel: "telegram",
    externalId: telegramUserId,
    borrowerId,
    verifiedAt: now.toISOString(),
  });
  await store.audit.append({
    actor: "telegram",
    action: "identity.linked",
    subject: `borrower:${borrowerId}`,
    payload: {
      channel: "telegram",
      via,
      ...(previous && previous.borrowerId !== borrowerId
        ? { replacedBorrower: previous.borrowerId }
        : {}),
    },
    at: now.toISOString(),
  });
  // A reminder skipped earlier today as unreachable can go out now, within the rules.
  await lookAgain(store.loans, borrowerId, now.toISOString());
  return store.borrowers.byId(borrowerId);
}
