// Linking a chat account to a borrower: a one-time code from the lender, or the borrower's own phone number.
import { DomainError } from "../errors/domain-error.ts";
import type { Borrower } from "../ports/borrowers.ts";
import type { Channel } from "../ports/identities.ts";
import { lookAgain } from "../ports/look-again.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { CommandErrorCode } from "./command-errors.ts";
import { requireBorrower } from "./records.ts";

const CODE_SHAPE = /^[A-Za-z0-9-]{4,64}$/;

export interface LinkChatInput {
  readonly channel: Channel;
  /** The account on that channel, e.g. the Telegram user id. */
  readonly externalId: string;
  /** "telegram": who audits the link. */
  readonly actor: string;
  readonly at: string;
}

/**
 * Consumes the code and links the account, together: a code links once. LINK_CODE_REFUSED for
 * a malformed, unknown, used or expired code. `hashCode` is how codes are stored (never as typed).
 *
 * @example await linkByCode(store, { channel: "telegram", externalId: "4242", actor: "telegram", at }, "K7Q2-MX", hashLinkCode)
 */
export async function linkByCode(
  store: Store,
  input: LinkChatInput,
  code: string,
  hashCode: (code: string) => string,
): Promise<Borrower> {
  const refused = () =>
    new DomainError(CommandErrorCode.LinkCodeRefused, "code: not a valid link code", {
      field: "code",
    });
  if (!CODE_SHAPE.test(code)) throw refused();
  return store.atomic(async (tx) => {
    const borrowerId = await tx.linkCodes.consume(hashCode(code), input.at);
    if (!borrowerId) throw refused();
    return bind(tx, input, borrowerId, "link-code");
  });
}

/**
 * Links when exactly one borrower has this phone number on file (compared digit for digit);
 * PHONE_NOT_MATCHED otherwise.
 */
export async function linkByPhone(
  store: Store,
  input: LinkChatInput,
  phone: string,
): Promise<Borrower> {
  const digits = phone.replace(/\D/g, "");
  const unmatched = () =>
    new DomainError(CommandErrorCode.PhoneNotMatched, "phone: no single borrower has it", {
      field: "phone",
    });
  if (digits.length < 7) throw unmatched();
  return store.atomic(async (tx) => {
    const candidates = await tx.borrowers.search(digits.slice(-4), 50);
    const matches = candidates.filter((b) => b.phone?.replace(/\D/g, "") === digits);
    const [match] = matches;
    if (!match || matches.length !== 1) throw unmatched();
    return bind(tx, input, match.id, "contact");
  });
}

async function bind(
  tx: Store,
  input: LinkChatInput,
  borrowerId: string,
  via: string,
): Promise<Borrower> {
  const previous = await tx.identities.find(input.channel, input.externalId);
  await tx.identities.bind({
    channel: input.channel,
    externalId: input.externalId,
    borrowerId,
    verifiedAt: input.at,
  });
  await tx.audit.append(
    commandAudit({
      actor: input.actor,
      action: "identity.linked",
      subject: `borrower:${borrowerId}`,
      details: {
        channel: input.channel,
        via,
        ...(previous && previous.borrowerId !== borrowerId
          ? { replacedBorrower: previous.borrowerId }
          : {}),
      },
      at: input.at,
    }),
  );
  // A reminder skipped earlier today as unreachable can go out now, within the rules.
  await lookAgain(tx.loans, borrowerId, input.at);
  return requireBorrower(tx, borrowerId);
}
