// Shared builders for email tests: an email-only borrower, the email channel, one nudger pass.
import { createEmailChannel, type EmailChannel } from "../../bots/email/email-channel.ts";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Locale, PayLink, Store, StoredLoan } from "../../core/ports/index.ts";
import { addLoan, type Clock, clockedMemoryStore } from "../nudger/nudger-builders.ts";

export const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";
export const LENDER = "Acme Credit";
export const SECRET = "a-test-secret-of-at-least-32-characters";
export const PUBLIC_URL = "https://repay.example.com";

export interface EmailWorld {
  readonly store: Store;
  readonly clock: Clock;
  readonly email: EmailChannel;
  /** One planner pass and one dispatcher pass at the clock's time. */
  tick(): ReturnType<typeof dispatchTick>;
  /** An email-only borrower (preferred channel email) with a loan due on 2026-03-02. */
  borrower(ref: string, options?: { locale?: Locale; email?: string }): Promise<StoredLoan>;
}

export function emailWorld(
  smtpUrl: string,
  options: { maxConnections?: number; mailto?: string; payLink?: PayLink } = {},
): EmailWorld {
  const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
  const email = createEmailChannel({
    store,
    lenderName: LENDER,
    smtpUrl,
    from: `${LENDER} <reminders@acme.example>`,
    publicBaseUrl: PUBLIC_URL,
    unsubscribeSecret: SECRET,
    linkDays: 60,
    maxConnections: options.maxConnections ?? 2,
    ...(options.mailto ? { unsubscribeMailto: options.mailto } : {}),
    clock: clock.read,
  });
  const profile = contactProfile("default");
  const channels = ["telegram", "sms", "email"] as const;
  return {
    store,
    clock,
    email,
    async tick() {
      await planTick({ store, profile, channels }, clock.now);
      return dispatchTick(
        {
          store,
          profile,
          channels,
          senders: { email: email.sender },
          formats: { email: email.format },
          lenderName: LENDER,
          clock: clock.read,
          sleep: async () => {},
          ...(options.payLink ? { payLink: options.payLink } : {}),
        },
        clock.now,
      );
    },
    async borrower(ref, more = {}) {
      const { borrower } = await store.borrowers.upsert({
        externalRef: `B-${ref}`,
        name: `Borrower ${ref}`,
        locale: more.locale ?? "en",
        timeZone: "America/New_York",
      });
      await store.contactPoints.set(borrower.id, {
        email: more.email ?? `${ref.toLowerCase()}@mail.example`,
        preferredChannel: "email",
      });
      return addLoan(store, borrower.id, `L-${ref}`, "2026-03-02");
    },
  };
}

/** The https link of a List-Unsubscribe header: "<https://...>, <mailto:...>". */
export function unsubscribeLink(header: string | undefined): string {
  const match = /<(https?:[^>]+)>/.exec(header ?? "");
  if (!match?.[1]) throw new Error(`no unsubscribe link in ${header}`);
  return match[1];
}
