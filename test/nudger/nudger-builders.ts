// Shared builders for nudger tests: a clocked memory store, borrowers with a late loan, and deps.

import type { DispatcherDeps } from "../../bots/nudger/dispatcher.ts";
import type { PlannerDeps } from "../../bots/nudger/planner.ts";
import { addMonths } from "../../core/dates/iso-date.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { NudgeDecisionEvent } from "../../core/policy/decision-event.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { ChannelSender } from "../../core/ports/channel-sender.ts";
import type { Locale, Store, StoredLoan } from "../../core/ports/index.ts";
import { givenBorrower, loanInput } from "../helpers/builders.ts";
import { termsOf } from "../helpers/loans.ts";

export interface Clock {
  now: string;
  readonly read: () => string;
  advance(minutes: number): string;
}

export function clockAt(start: string): Clock {
  const clock: Clock = {
    now: new Date(start).toISOString(),
    read: () => clock.now,
    advance(minutes) {
      clock.now = new Date(Date.parse(clock.now) + minutes * 60_000).toISOString();
      return clock.now;
    },
  };
  return clock;
}

export function clockedMemoryStore(start: string): { store: Store; clock: Clock } {
  const clock = clockAt(start);
  return { store: createMemoryStore({ clock: clock.read }), clock };
}

export interface LateLoanOptions {
  readonly ref: string;
  readonly timeZone?: string;
  readonly locale?: Locale;
  /** The unpaid installment's due date; earlier ones are unpaid too when `months` > 0. */
  readonly firstDueDate: string;
  /** Telegram user id to link; none: not linked. */
  readonly telegramId?: number;
  readonly withoutRateCap?: boolean;
}

/** A borrower with one 1200.00 USD loan whose first installment falls due on `firstDueDate`. */
export async function borrowerWithLoan(
  store: Store,
  options: LateLoanOptions,
): Promise<StoredLoan> {
  const borrower = await givenBorrower(store, {
    externalRef: `B-${options.ref}`,
    name: `Borrower ${options.ref}`,
    locale: options.locale ?? "en",
    timeZone: options.timeZone ?? "America/New_York",
  });
  if (options.telegramId !== undefined) {
    await store.identities.bind({
      channel: "telegram",
      externalId: String(options.telegramId),
      borrowerId: borrower.id,
      verifiedAt: "2026-01-01T00:00:00.000Z",
    });
  }
  return addLoan(store, borrower.id, `L-${options.ref}`, options.firstDueDate);
}

export async function addLoan(
  store: Store,
  borrowerId: string,
  ref: string,
  firstDueDate: string,
): Promise<StoredLoan> {
  const { loan } = await store.loans.upsert(
    loanInput(borrowerId, {
      externalRef: ref,
      terms: termsOf({ disbursedOn: addMonths(firstDueDate, -1), firstDueDate }),
    }),
  );
  return loan;
}

/** A sender that records what it was asked to send and always succeeds. */
export function recordingSender(): ChannelSender & {
  sent: { borrowerId: string; text: string }[];
} {
  const sent: { borrowerId: string; text: string }[] = [];
  return {
    sent,
    async send({ borrowerId, text }) {
      sent.push({ borrowerId, text });
      return { providerMessageId: `rec:${sent.length}` };
    },
  };
}

export function nudgerDeps(
  store: Store,
  clock: Clock,
  sender: ChannelSender,
  events: NudgeDecisionEvent[] = [],
): { planner: PlannerDeps; dispatcher: DispatcherDeps } {
  const profile = contactProfile("default");
  const onDecision = (event: NudgeDecisionEvent) => events.push(event);
  return {
    planner: { store, profile, onDecision },
    dispatcher: {
      store,
      profile,
      senders: { telegram: sender },
      lenderName: "Acme Lending",
      clock: clock.read,
      sleep: async () => {},
      onDecision,
    },
  };
}
