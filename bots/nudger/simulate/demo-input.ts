// The demo book as simulator input: ~50 borrowers, with on-time payers and a few scripted replies.
import { DateTime } from "luxon";
import { addDays } from "../../../core/dates/index.ts";
import type { Transaction } from "../../../core/ledger/index.ts";
import { money } from "../../../core/money/index.ts";
import { generateSchedule, installmentTotal } from "../../../core/schedule/index.ts";
import { type DemoLoan, demoBook } from "../../../prisma/seed/index.ts";
import type { SimulatedBorrower, SimulationEvent, SimulationPlan } from "./simulation-input.ts";

/** What some demo borrowers say, on which day of the run, at what local hour. */
export const DEMO_SCRIPT: ReadonlyArray<{ ref: string; day: number; hour: number; text: string }> =
  [
    { ref: "B-006", day: 2, hour: 10, text: "退订" },
    { ref: "B-007", day: 3, hour: 14, text: "STOP" },
    { ref: "B-008", day: 1, hour: 12, text: "I'll pay Friday" },
    { ref: "B-016", day: 5, hour: 18, text: "I can't pay this month" },
    { ref: "B-017", day: 8, hour: 9, text: "stop messaging me" },
    { ref: "B-004", day: 4, hour: 11, text: "how much do I owe?" },
    { ref: "B-019", day: 10, hour: 16, text: "this amount is wrong" },
  ];

export const DEMO_HELP = `With --demo the input is the demo book (prisma/seed/demo-book.ts) as of the start
date: current and due-soon borrowers pay each installment on its due date during the run,
late borrowers pay nothing, and some write in: ${DEMO_SCRIPT.map((s) => `${s.ref} "${s.text}" (day ${s.day})`).join(", ")}.`;

/** Current and due-soon loans keep paying on time through the run; late ones pay nothing. */
function futurePayments(demo: DemoLoan, from: string, until: string): Transaction[] {
  if (demo.story !== "current" && demo.story !== "due-soon") return [];
  const { terms } = demo.loan;
  return generateSchedule(terms)
    .filter((i) => i.dueDate >= from && i.dueDate <= until)
    .map((i) => ({
      type: "payment" as const,
      date: i.dueDate,
      amount: money(installmentTotal(i), terms.principal.currency),
    }));
}

function scriptedEvents(ref: string, timeZone: string, start: string): SimulationEvent[] {
  const startDate = DateTime.fromISO(start, { zone: timeZone }).toISODate() as string;
  return DEMO_SCRIPT.filter((s) => s.ref === ref).map((s) => ({
    type: "message" as const,
    at: DateTime.fromISO(addDays(startDate, s.day), { zone: timeZone })
      .set({ hour: s.hour })
      .toUTC()
      .toISO() as string,
    text: s.text,
  }));
}

/**
 * The demo book as of the start's UTC date, mapped to simulator input.
 *
 * @example demoSimulation({ start: "2026-03-01T00:00:00.000Z", days: 90, profile: "default" })
 */
export function demoSimulation(options: {
  start: string;
  days: number;
  profile: string;
  tickMinutes?: number;
}): SimulationPlan {
  const today = options.start.slice(0, 10);
  const until = addDays(today, options.days + 1);
  const borrowers = demoBook(today).map((demo): SimulatedBorrower => {
    const ref = demo.borrower.externalRef;
    return {
      id: ref,
      name: demo.borrower.name,
      locale: demo.borrower.locale,
      timeZone: demo.borrower.timeZone,
      channel: "telegram",
      flags: demo.borrower.flags ?? {},
      loans: [
        {
          id: demo.loan.externalRef,
          status: demo.loan.status ?? "active",
          loan: {
            terms: demo.loan.terms,
            ...(demo.loan.lateFee ? { lateFee: demo.loan.lateFee } : {}),
            ...(demo.loan.rateCap ? { rateCap: demo.loan.rateCap } : {}),
          },
          transactions: [
            ...demo.payments.map((p) => p.transaction),
            ...futurePayments(demo, today, until),
          ],
        },
      ],
      events: scriptedEvents(ref, demo.borrower.timeZone, options.start),
    };
  });
  return {
    profile: options.profile,
    start: options.start,
    days: options.days,
    tickMinutes: options.tickMinutes ?? 15,
    lenderName: "Demo Lending",
    payLink: "https://pay.example.com/{loanRef}?amount={amount}",
    borrowers,
  };
}
