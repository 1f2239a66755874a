// The simulator over a book reached by Telegram, SMS and email: one budget across channels.
import { beforeAll, describe, expect, it } from "vitest";
import {
  capsOf,
  messagesOf,
  quietHourMessages,
  worstLocalDay,
  worstRolling7,
} from "../../bots/nudger/simulate/contact-stats.ts";
import { demoSimulation } from "../../bots/nudger/simulate/demo-input.ts";
import { runSimulation, type SimulationLine } from "../../bots/nudger/simulate/run-simulation.ts";
import type { SimulatedBorrower } from "../../bots/nudger/simulate/simulation-input.ts";
import { contactProfile } from "../../core/policy/index.ts";

const START = "2026-03-01T00:00:00.000Z";

/** Every third borrower by SMS (consented or not), every third by email, the rest Telegram. */
function mixed(borrower: SimulatedBorrower, i: number): SimulatedBorrower {
  const phone = `+1212555${String(2000 + i)}`;
  if (i % 3 === 0) {
    return {
      ...borrower,
      phone,
      preferredChannel: "sms",
      consent: { sms: i % 2 === 0 },
      // The first SMS borrower texts STOP on day 3.
      events:
        i === 0
          ? [{ type: "message", at: "2026-03-03T15:00:00.000Z", text: "STOP", channel: "sms" }]
          : [],
    };
  }
  if (i % 3 === 1) {
    return { ...borrower, email: `b${i}@example.com`, preferredChannel: "email", events: [] };
  }
  return borrower;
}

describe("repay simulate across Telegram, SMS and email", () => {
  const lines: SimulationLine[] = [];
  const profile = contactProfile("default");
  const demo = demoSimulation({ start: START, days: 30, profile: "default" });
  const plan = { ...demo, borrowers: demo.borrowers.map(mixed) };

  beforeAll(async () => {
    await runSimulation(plan, (line) => lines.push(line));
  }, 240_000);

  it("Should send on every channel, and each decision names its channel", () => {
    const sent = lines.filter((l) => l.decision === "sent");
    const channels = new Set(sent.map((l) => l.channel));
    expect(channels).toEqual(new Set(["telegram", "sms", "email"]));
    for (const line of lines) expect(line).toHaveProperty("channel");
  });

  it("Should send 0 in quiet hours and breach 0 caps across channels together", () => {
    const messages = messagesOf(lines);
    const caps = capsOf(profile);
    expect(quietHourMessages(messages, profile)).toEqual([]);
    expect(worstLocalDay(messages)?.count ?? 0).toBeLessThanOrEqual(caps.perDay);
    expect(worstRolling7(messages)?.count ?? 0).toBeLessThanOrEqual(caps.per7Days);
  });

  it("Should text only consented numbers, and nothing by SMS after STOP by SMS", () => {
    const sms = lines.filter((l) => l.decision === "sent" && l.channel === "sms");
    const consented = new Set(
      plan.borrowers.filter((b) => b.consent?.sms === true).map((b) => b.id),
    );
    for (const line of sms) expect(consented.has(line.borrowerId)).toBe(true);
    const stopper = plan.borrowers[0]?.id;
    const after = sms.filter((l) => l.borrowerId === stopper && l.at > "2026-03-03T15:00:00.000Z");
    expect(after).toEqual([]);
  });
});
