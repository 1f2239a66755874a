// Every figure, date and reference of a nudge's facts, formatted once as the borrower reads them.

import { type IsoDate, parseIsoDate } from "../dates/iso-date.ts";
import { formatAmount } from "../format/format-amount.ts";
import { formatDay } from "../format/format-day.ts";
import { localToday } from "../intents/context.ts";
import { isZero } from "../money/arithmetic.ts";
import type { NudgeFacts, NudgeLoanFacts } from "./nudge-message.ts";

// A "today" in no real year: without the send instant, every date spells out its year.
const NO_TODAY: IsoDate = "0000-01-01";

export interface LoanFigures {
  readonly loanRef: string;
  readonly amount: string;
  readonly dueDate: string;
  readonly overdue: string;
  /** Undefined when the amount includes no fees. */
  readonly fees: string | undefined;
  /** Plain digits, no grouping: "3". */
  readonly daysPastDue: string;
  readonly late: boolean;
  readonly payLink: string | undefined;
}

export interface NudgeFigures {
  readonly loans: readonly LoanFigures[];
  readonly loanCount: string;
  readonly promisedFor: string | undefined;
}

/**
 * Formats a nudge's facts: amounts exactly through Intl in the borrower's locale, dates in their
 * language with the year shown unless it is the year of their today (`facts.at` in
 * `facts.timeZone`; without `at`, always). Renderer and LLM guard both read these, so they cannot drift apart.
 */
export function nudgeFigures(facts: NudgeFacts): NudgeFigures {
  const { locale } = facts;
  const today =
    facts.at === undefined
      ? NO_TODAY
      : localToday({ locale, timeZone: facts.timeZone, now: facts.at });
  const day = (date: IsoDate, field: string) => formatDay(parseIsoDate(date, field), locale, today);
  const loan = (item: NudgeLoanFacts): LoanFigures => ({
    loanRef: item.loanRef,
    amount: formatAmount(item.amountDue, locale),
    dueDate: day(item.dueDate, "dueDate"),
    overdue: formatAmount(item.overdue, locale),
    fees: isZero(item.feesAndPenalties) ? undefined : formatAmount(item.feesAndPenalties, locale),
    daysPastDue: String(item.daysPastDue),
    late: item.daysPastDue > 0,
    payLink: item.payLink,
  });
  return {
    loans: facts.loans.map(loan),
    loanCount: String(facts.loans.length),
    promisedFor:
      facts.promisedFor === undefined ? undefined : day(facts.promisedFor, "promisedFor"),
  };
}
