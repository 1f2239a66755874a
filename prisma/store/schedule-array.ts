// A loan's contractual schedule as one SQL value (integers only) and back to installments.
import type { IsoDate } from "../../core/dates/index.ts";
import { type Money, money } from "../../core/money/index.ts";
import type { Installment } from "../../core/schedule/index.ts";
import { CONTRACT_VERSION } from "./loan-rows.ts";

/**
 * Text of loan `l`'s version-1 installments as a bigint[][], one
 * {n, due date as days since 1970-01-01, principal, interest, fees, penalties} per
 * installment by n; '{}' when it has none. Integers only: a JSON array and to_char per
 * installment were two thirds of the planner's page read inside the database, and integer
 * text does not depend on the session's DateStyle. An ARRAY(subquery) keeps the rows in the
 * order of the (loan_id, version, n) index it scans, where array_agg(... ORDER BY n) sorted
 * every loan's installments again (a third less time for a page's schedules).
 */
export const SCHEDULE_ARRAY = `ARRAY(
    SELECT ARRAY[i.n, i.due_date - DATE '1970-01-01', i.principal_minor, i.interest_minor,
             i.fees_minor, i.penalties_minor]
    FROM installments i WHERE i.loan_id = l.id AND i.version = ${CONTRACT_VERSION}
    ORDER BY i.n
  )::text`;

/**
 * Values the loans of one read share (schedules, Money and ISO dates are immutable): loans
 * of one product disbursed on one day have the same schedule text and share one schedule,
 * read once; a page of loans with equal installments holds a few Money values, not four per
 * installment, and turns each due day into a date once.
 */
export interface ScheduleMemo {
  /** By currency, then SCHEDULE_ARRAY's text. */
  readonly schedules: Map<string, Map<string, readonly Installment[]>>;
  /** By currency, then minor units (text only past a double's exact digits). */
  readonly amounts: Map<string, Map<number | string, Money>>;
  /** By days since 1970-01-01. */
  readonly dates: Map<number, IsoDate>;
}

export const scheduleMemo = (): ScheduleMemo => ({
  schedules: new Map(),
  amounts: new Map(),
  dates: new Map(),
});

const DAY_MS = 86_400_000;
/** Digits a double holds exactly (2^53 has 16): longer integers are read as text, for BigInt. */
const SAFE_DIGITS = 15;

/**
 * SCHEDULE_ARRAY's text back to installments, by n (their order in the text); a text the
 * memo has read before (in this currency) gives back the schedule read then.
 */
export function scheduleFromArray(
  text: string | null,
  currency: string,
  memo: ScheduleMemo = scheduleMemo(),
): readonly Installment[] {
  if (text === null) return [];
  let known = memo.schedules.get(currency);
  if (known === undefined) {
    known = new Map();
    memo.schedules.set(currency, known);
  }
  let schedule = known.get(text);
  if (schedule === undefined) {
    schedule = parseSchedule(text, currency, memo);
    known.set(text, schedule);
  }
  return schedule;
}

/**
 * One pass over the characters: a page of loans has millions of them, and splitting the text
 * would make a string of every number before the memo could answer for it.
 */
function parseSchedule(text: string, currency: string, memo: ScheduleMemo): Installment[] {
  const amounts = amountsIn(memo, currency);
  const installments: Installment[] = [];
  const row: (number | string)[] = [0, 0, 0, 0, 0, 0];
  let field = 0;
  let value = 0;
  let digits = 0;
  let start = -1; // where the number being read starts (its sign included); -1 between numbers
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 0;
    if (code >= 48 && code <= 57) {
      if (start < 0) start = at;
      value = value * 10 + (code - 48);
      digits++;
    } else if (code === 45) {
      start = at; // "-": the digits follow
    } else if (start >= 0) {
      const negative = text.charCodeAt(start) === 45;
      row[field++] = digits > SAFE_DIGITS ? text.slice(start, at) : negative ? -value : value;
      value = 0;
      digits = 0;
      start = -1;
      if (field === row.length) {
        installments.push(installment(row, amounts, memo.dates));
        field = 0;
      }
    }
  }
  return installments;
}

function installment(
  [n, days, principal, interest, fees, penalties]: readonly (number | string)[],
  amounts: AmountsIn,
  dates: ScheduleMemo["dates"],
): Installment {
  return {
    n: Number(n),
    dueDate: isoDate(days as number, dates),
    principal: amounts(principal as number | string),
    interest: amounts(interest as number | string),
    fees: amounts(fees as number | string),
    penalties: amounts(penalties as number | string),
  };
}

function isoDate(days: number, dates: ScheduleMemo["dates"]): IsoDate {
  let date = dates.get(days);
  if (date === undefined) {
    date = new Date(days * DAY_MS).toISOString().slice(0, 10);
    dates.set(days, date);
  }
  return date;
}

type AmountsIn = (minor: number | string) => Money;

/** Money in `currency` by minor units, from the memo (a number, or text when it is too long). */
function amountsIn(memo: ScheduleMemo, currency: string): AmountsIn {
  let amounts = memo.amounts.get(currency);
  if (amounts === undefined) {
    amounts = new Map();
    memo.amounts.set(currency, amounts);
  }
  const known = amounts;
  return (minor) => {
    let amount = known.get(minor);
    if (amount === undefined) {
      amount = money(BigInt(minor), currency);
      known.set(minor, amount);
    }
    return amount;
  };
}
