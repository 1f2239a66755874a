// Over a simulated month the lesson invitation rides on real nudges: at most once per 14 days per
// borrower, never in place of a figure or the opt-out line, never an extra contact.
import { describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { daysBetween } from "../../core/dates/iso-date.ts";
import { INVITE_EVERY_DAYS, LESSON_INVITED } from "../../core/learn/index.ts";
import { type NudgeFacts, renderNudge } from "../../core/nudges/index.ts";
import type { ChannelSender } from "../../core/ports/index.ts";
import { nudgeTemplates } from "../../prompts/index.ts";
import { borrowerWithLoan, clockedMemoryStore, nudgerDeps } from "./nudger-builders.ts";

const INVITE = "Want to understand your loan better? Send /learn for a short lesson.";
const WITH_INVITE = { ...nudgeTemplates, en: { ...nudgeTemplates.en, learnInvite: INVITE } };
const START = "2026-03-01T05:00:00.000Z";
const DAYS = 31;
const TICK_MINUTES = 60;

interface Sent {
  readonly borrowerId: string;
  readonly at: string;
  readonly text: string;
}

/** One month of the real planner and dispatcher over two late borrowers; every send kept. */
async function month(invite: boolean) {
  const { store, clock } = clockedMemoryStore(START);
  const loans = [
    await borrowerWithLoan(store, { ref: "1", firstDueDate: "2026-03-03", telegramId: 11 }),
    await borrowerWithLoan(store, { ref: "2", firstDueDate: "2026-03-05", telegramId: 12 }),
  ];
  const sent: Sent[] = [];
  const sender: ChannelSender = {
    async send({ borrowerId, text }) {
      sent.push({ borrowerId, at: clock.now, text });
      return { providerMessageId: `m-${sent.length}` };
    },
  };
  const deps = nudgerDeps(store, clock, sender);
  const dispatcher = invite
    ? { ...deps.dispatcher, render: (facts: NudgeFacts) => renderNudge(facts, WITH_INVITE) }
    : deps.dispatcher;
  for (let tick = 0; tick < (DAYS * 24 * 60) / TICK_MINUTES; tick++) {
    await planTick(deps.planner, clock.now);
    await dispatchTick(dispatcher, clock.now);
    clock.advance(TICK_MINUTES);
  }
  const invited = new Map<string, string[]>();
  for (const loan of loans) {
    const entries = await store.audit.forSubject(`borrower:${loan.borrowerId}`, 200);
    invited.set(
      loan.borrowerId,
      entries.filter((e) => e.action === LESSON_INVITED).map((e) => e.at),
    );
  }
  return { sent, invited, borrowers: loans.map((l) => l.borrowerId) };
}

describe("the lesson invitation over a simulated month", () => {
  it("Should ride on at most one nudge per 14 days per borrower, beside every figure and the opt-out line, and add no contact", async () => {
    const plain = await month(false);
    const invited = await month(true);

    // Never an extra contact: the same nudges at the same instants to the same borrowers.
    expect(invited.sent.map(({ borrowerId, at }) => ({ borrowerId, at }))).toEqual(
      plain.sent.map(({ borrowerId, at }) => ({ borrowerId, at })),
    );
    expect(plain.sent.length).toBeGreaterThanOrEqual(8);

    for (const [i, message] of invited.sent.entries()) {
      const before = (plain.sent[i] as Sent).text.split("\n");
      const lines = message.text.split("\n");
      if (!lines.includes(INVITE)) {
        expect(message.text).toBe((plain.sent[i] as Sent).text);
        continue;
      }
      // Every line of the plain nudge, in order, the invitation just before the opt-out line.
      expect(lines).toEqual([...before.slice(0, -1), INVITE, before.at(-1)]);
      expect(lines.at(-1)).toBe("Reply STOP to stop these reminders.");
    }

    for (const borrowerId of invited.borrowers) {
      const days = invited.sent
        .filter((m) => m.borrowerId === borrowerId && m.text.includes(INVITE))
        .map((m) => m.at.slice(0, 10));
      // A month from the first late notice holds a first invitation and a second 14+ days on.
      expect(days.length).toBeGreaterThanOrEqual(2);
      for (let k = 1; k < days.length; k++) {
        expect(daysBetween(days[k - 1] as string, days[k] as string)).toBeGreaterThanOrEqual(
          INVITE_EVERY_DAYS,
        );
      }
      // The invitations recorded are exactly those sent.
      expect(invited.invited.get(borrowerId)?.length).toBe(days.length);
      expect(plain.invited.get(borrowerId)).toEqual([]);
    }
  }, 300_000);
});
