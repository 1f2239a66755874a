// Replies never invent numbers: every figure shown is a formatted fact from loan state or plan options.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reply } from "../../../core/assistant/index.ts";
import type { Locale } from "../../../core/ports/borrowers.ts";
import { givenBorrower } from "../../helpers/builders.ts";
import { loanArbitrary, paymentsArbitrary } from "../../helpers/loans.ts";
import { AT, givenLateLoan, type World, world } from "./builders.ts";
import { expectNoInventedNumbers, knownFacts, numbersIn } from "./facts.ts";

/** Every handler, by text and by tap, in an order that walks the plan and promise flows. */
type Step = { text: string; stated?: string } | { tap: string } | { tapFirst: string };
const SCRIPT: Step[] = [
  { text: "hi" },
  { text: "how much do I owe?" },
  { text: "我欠多少钱" },
  { text: "when is my next payment" },
  { text: "payoff amount" },
  { text: "help" },
  { text: "qwerty" },
  { text: "I'll pay" },
  { tapFirst: "promise:" },
  { text: "I will pay 100 on Friday" },
  { text: "I'll pay in 3 months" },
  { tap: "promise:2020-01-01" },
  { text: "I already paid 50 yesterday" },
  { text: "I can pay 80 a month", stated: "80" },
  { text: "I can't pay this month" },
  { tapFirst: "plan:pick:" },
  { tap: "plan:cancel" },
  { text: "payment plan" },
  { tapFirst: "plan:pick:" },
  { tapFirst: "plan:confirm:" },
  { tapFirst: "plan:confirm:" },
  { text: "balance" },
  { text: "next payment" },
  { text: "stop" },
  { text: "start" },
  { text: "I dispute this" },
  { text: "talk to a human" },
];

async function walk(w: World, borrowerId: string, at: string, steps: readonly Step[]) {
  let last: Reply | undefined;
  for (const step of steps) {
    let action: string | undefined;
    if ("tap" in step) action = step.tap;
    if ("tapFirst" in step) {
      action = last?.choices.find((c) => c.action.startsWith(step.tapFirst))?.action;
      if (action === undefined) continue;
    }
    const reply = await w.assistant.respond({
      borrowerId,
      channel: "telegram",
      at,
      ...(action !== undefined ? { action } : { text: "text" in step ? step.text : "" }),
    });
    const stated = "stated" in step && step.stated !== undefined ? [step.stated] : [];
    const facts = await knownFacts(w.store, borrowerId, at, { stated });
    expectNoInventedNumbers(reply, facts);
    last = reply;
  }
}

describe("replies never invent numbers", () => {
  it("finds the numbers in a reply as written", () => {
    expect(numbersIn("Your balance is US$1,276.82. Due 2027年1月15日 星期五.")).toEqual([
      "1,276.82",
      "2027",
      "1",
      "15",
    ]);
    expect(numbersIn("Pay here: https://pay.example/x?amount=205.08 today")).toEqual([]);
  });

  it("catches a number that is not a fact", async () => {
    const w = world();
    const borrower = await givenBorrower(w.store);
    await givenLateLoan(w.store, borrower.id, { ref: "LATE" });
    const facts = await knownFacts(w.store, borrower.id, AT);
    expect(() =>
      expectNoInventedNumbers({ text: "You owe $1,276.83.", choices: [], handoff: false }, facts),
    ).toThrow();
    expectNoInventedNumbers({ text: "You owe $1,276.82.", choices: [], handoff: false }, facts);
  });

  it.each([
    ["an English borrower two installments behind", "en", "USD", 1],
    ["a Chinese borrower in yuan", "zh-CN", "CNY", 1],
    ["a borrower with two loans", "en", "USD", 2],
    ["a borrower with no loan", "en", "USD", 0],
  ] as const)("for %s, across every handler", async (_name, locale, currency, loans) => {
    const w = world({ payLink: ({ amount }) => `https://pay.example/p?amount=${amount}` });
    const zone = locale === "zh-CN" ? "Asia/Shanghai" : "America/New_York";
    const borrower = await givenBorrower(w.store, { locale, timeZone: zone });
    for (let n = 0; n < loans; n += 1) {
      await givenLateLoan(w.store, borrower.id, { currency, ref: `L-${n}-${currency}` });
    }
    await walk(w, borrower.id, AT, SCRIPT);
  });

  it("holds for random loans, payments, currencies, languages and days", async () => {
    await fc.assert(
      fc.asyncProperty(
        loanArbitrary.chain((loan) =>
          fc.record({
            loan: fc.constant(loan),
            payments: paymentsArbitrary(loan),
            locale: fc.constantFrom<Locale>("en", "zh-CN"),
            day: fc.integer({ min: 0, max: 500 }),
          }),
        ),
        async ({ loan, payments, locale, day }) => {
          const w = world();
          const borrower = await givenBorrower(w.store, {
            locale,
            timeZone: locale === "zh-CN" ? "Asia/Shanghai" : "America/New_York",
          });
          const { loan: stored } = await w.store.loans.upsert({
            externalRef: "RANDOM-7",
            borrowerId: borrower.id,
            terms: loan.terms,
            ...(loan.lateFee ? { lateFee: loan.lateFee } : {}),
            ...(loan.rateCap ? { rateCap: loan.rateCap } : {}),
          });
          for (const [index, tx] of payments.entries()) {
            await w.store.transactions.record(stored.id, `p${index}`, tx);
          }
          const at = new Date(
            Date.parse(`${loan.terms.disbursedOn}T12:00:00Z`) + day * 86_400_000,
          ).toISOString();
          await walk(w, borrower.id, at, SCRIPT);
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});
