// The contact part of a loan record: email, preferred channel and consent, as the lender gives them.
import { emailConsent, recordConsent, smsConsent } from "../../core/channels/index.ts";
import type { BorrowerUpsert, Channel, Store } from "../../core/ports/index.ts";

export interface ContactInput {
  readonly email?: string;
  readonly preferredChannel?: Channel;
  /** true: the borrower agreed to automated texts at the phone given; false: they did not. */
  readonly smsConsent?: boolean;
  /** false: no reminder emails (an opt-out); true: emails allowed. */
  readonly emailConsent?: boolean;
  /** The version of the consent text the borrower was shown. */
  readonly consentTextVersion?: string;
}

/** True when the record says nothing about contact. */
export function noContact(input: ContactInput): boolean {
  return Object.values(input).every((value) => value === undefined);
}

/** An opt-out the borrower made themselves (STOP, the unsubscribe link): a lender's record never lifts it. */
function borrowersOwnOptOut(source: string): boolean {
  return source.startsWith("sms:") || source.startsWith("email:");
}

/**
 * A borrower's record now has a different phone number: the consent log says so, with the new
 * number, before any opt-in the same record carries (an opt-in for the old number does not carry
 * over). A number given for the first time, or removed, is no change of address.
 */
export async function recordPhoneChange(
  store: Pick<Store, "consent">,
  { borrower, before }: BorrowerUpsert,
  source: string,
  at: string,
): Promise<void> {
  if (!before?.phone || !borrower.phone || before.phone === borrower.phone) return;
  await store.consent.append({
    borrowerId: borrower.id,
    channel: "sms",
    kind: "address_changed",
    source,
    address: borrower.phone,
    at,
  });
}

/**
 * Stores the email and preference, and records what changed in the consent log under `source`
 * ("import", "api"): a new email address, an SMS opt-in for `phone`, an opt-out. Writes only
 * what differs from the record, so importing the same file twice records nothing new.
 */
export async function applyContact(
  store: Pick<Store, "contactPoints" | "consent" | "contact">,
  borrowerId: string,
  phone: string | undefined,
  input: ContactInput,
  source: string,
  at: string,
): Promise<void> {
  if (noContact(input)) return;
  const before = await store.contactPoints.get(borrowerId);
  if (input.email !== undefined || input.preferredChannel !== undefined) {
    if (input.email !== undefined && before?.email && before.email !== input.email) {
      await store.consent.append({
        borrowerId,
        channel: "email",
        kind: "address_changed",
        source,
        address: input.email,
        at,
      });
    }
    await store.contactPoints.set(borrowerId, {
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.preferredChannel !== undefined ? { preferredChannel: input.preferredChannel } : {}),
    });
  }
  const events = await store.consent.forBorrower(borrowerId);
  const lastWord = (channel: Channel) =>
    events.filter((e) => e.channel === channel && e.kind !== "address_changed").at(-1);
  const record = (channel: Channel, kind: "opt_in" | "opt_out", address?: string) =>
    recordConsent(store, {
      borrowerId,
      channel,
      kind,
      source,
      ...(address ? { address } : {}),
      ...(kind === "opt_in" && input.consentTextVersion
        ? { textVersion: input.consentTextVersion }
        : {}),
      at,
    });
  if (input.smsConsent !== undefined && phone) {
    const now = smsConsent(events, phone);
    const own = now === "opted_out" && borrowersOwnOptOut(lastWord("sms")?.source ?? "");
    if (input.smsConsent && now !== "granted" && !own) await record("sms", "opt_in", phone);
    if (!input.smsConsent && now === "granted") await record("sms", "opt_out", phone);
  }
  const email = input.email ?? before?.email;
  if (input.emailConsent !== undefined && email) {
    const now = emailConsent(events, email);
    const own = now === "opted_out" && borrowersOwnOptOut(lastWord("email")?.source ?? "");
    if (input.emailConsent && now === "opted_out" && !own) await record("email", "opt_in", email);
    if (!input.emailConsent && now !== "opted_out") await record("email", "opt_out", email);
  }
}
