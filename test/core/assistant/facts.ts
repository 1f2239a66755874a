// The no-invented-numbers check: every number in a reply must be a formatted fact of the borrower's loans.
import { expect } from "vitest";
import {
  PAYMENT_POSTING_BUSINESS_DAYS,
  PROMISE_HORIZON_DAYS,
  type Reply,
} from "../../../core/assistant/index.ts";
import type { IsoDate } from "../../../core/dates/iso-date.ts";
import { formatPercent, planDisclosure } from "../../../core/disclosure/index.ts";
import { formatAmount, formatDay } from "../../../core/format/index.ts";
import { localToday } from "../../../core/intents/index.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import { parseMoney } from "../../../core/money/decimal.ts";
import { type Money, money } from "../../../core/money/money.ts";
import type { Store } from "../../../core/ports/store.ts";
import { installmentTotal } from "../../../core/schedule/installment.ts";

// A number as written: digits, with grouping or decimal marks only between digits.
const NUMBER = /\d(?:[\d,.]*\d)?/g;
const LINK = /https?:\/\/\S+/g;
const LANGUAGES = ["en", "zh-CN"] as const;

/** The numbers in a text, links left out (a payment link is the lender's, not a figure we state). */
export function numbersIn(text: string): string[] {
  return text.replace(LINK, " ").match(NUMBER) ?? [];
}

export interface ExtraFacts {
  /** Dates that came from the borrower (a promised date) or from the calendar (today). */
  readonly dates?: readonly IsoDate[];
  readonly amounts?: readonly Money[];
  /** Amounts the borrower wrote ("80"), read in each loan's currency. */
  readonly stated?: readonly string[];
}

/**
 * Every number the assistant may state for this borrower at `at`, formatted as it would be: the
 * state of each loan (loanStateAsOf), every plan option stored for it (planOptions via the plan
 * store), every promise, and the assistant's published rules.
 */
export async function knownFacts(
  store: Store,
  borrowerId: string,
  at: string,
  extra: ExtraFacts = {},
): Promise<Set<string>> {
  const borrower = await store.borrowers.byId(borrowerId);
  if (!borrower) throw new Error(`no borrower ${borrowerId}`);
  const today = localToday({ locale: borrower.locale, timeZone: borrower.timeZone, now: at });
  const amounts: Money[] = [...(extra.amounts ?? [])];
  const dates: IsoDate[] = [today, ...(extra.dates ?? [])];
  const plain: (string | number)[] = [PROMISE_HORIZON_DAYS, PAYMENT_POSTING_BUSINESS_DAYS];
  plain.push(borrower.name, borrower.externalRef);

  for (const loan of await store.loans.forBorrower(borrowerId)) {
    plain.push(loan.externalRef);
    for (const text of extra.stated ?? [])
      amounts.push(parseMoney(text, loan.terms.principal.currency));
    const transactions = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    const state = loanStateAsOf(loan, transactions, today);
    for (const parts of [state.outstanding, state.overdue]) amounts.push(...Object.values(parts));
    amounts.push(state.payoff, state.credit);
    plain.push(state.daysPastDue);
    if (state.nextDue) {
      amounts.push(state.nextDue.amount);
      dates.push(state.nextDue.date);
    }
    for (const plan of await store.plans.forLoan(loan.id)) {
      const { option } = plan;
      amounts.push(option.installmentAmount, option.totalPayable, option.extraCost);
      amounts.push(money(-option.extraCost.minor, option.extraCost.currency));
      if (option.thenAmount) amounts.push(option.thenAmount);
      for (const installment of option.schedule) {
        amounts.push(money(installmentTotal(installment), option.totalPayable.currency));
      }
      dates.push(option.firstDueDate, option.lastDueDate);
      // The plan's terms as core discloses them: its rate, and a missed payment's fee and dates.
      const terms = planDisclosure(loan, transactions, today, option);
      for (const language of LANGUAGES) plain.push(formatPercent(terms.annualRate, language));
      if (terms.missedFee.kind === "fee") {
        amounts.push(terms.missedFee.amount);
        dates.push(terms.missedFee.chargedOn, terms.missedFee.forDueDate);
      }
      // A run of installments is a count between one and the plan's count.
      for (let n = 1; n <= option.count; n += 1) plain.push(n);
    }
  }
  for (const promise of await store.contact.promises(borrowerId)) {
    amounts.push(promise.amount);
    dates.push(promise.promisedFor);
  }

  const facts = new Set<string>();
  const add = (text: string) => {
    for (const number of numbersIn(text)) facts.add(number);
  };
  for (const value of plain) add(String(value));
  for (const language of LANGUAGES) {
    for (const amount of amounts) add(formatAmount(amount, language));
    for (const date of dates) add(formatDay(date, language, today));
  }
  return facts;
}

/** Fails naming each number in the reply (text and button labels) that is not a known fact. */
export function expectNoInventedNumbers(reply: Reply, facts: ReadonlySet<string>): void {
  const shown = [reply.text, ...reply.choices.map((choice) => choice.label)].join("\n");
  const invented = numbersIn(shown).filter((number) => !facts.has(number));
  expect(invented, `invented numbers in:\n${shown}`).toEqual([]);
}
