// English date phrases: "tomorrow", "next Friday", "on the 5th", "March 5", "3/5", "in 3 days".
import type { Weekday } from "./calendar.ts";
import type { DateExpression } from "./date-expression.ts";
import { CARDINAL_WORDS, ORDINAL_WORDS, parseCount, parseDayOfMonth } from "./english-numbers.ts";
import type { MentionPattern } from "./mention-scan.ts";

const MONTHS =
  "january|february|march|april|may|june|july|august|september|october|november|december|" +
  "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";
const MONTH_NUMBER: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const WEEKDAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|thurs|thur|thu|fri";
// Abbreviations that are also words ("I sat", "wed") count only after a date word.
const SHY_WEEKDAYS = "sat|sun|wed|weds";
const WEEKDAY_NUMBER: Readonly<Record<string, Weekday>> = {
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  sun: 7,
};
const DAY = `\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORDS}`;
const COUNT = `\\d{1,3}|${CARDINAL_WORDS}`;
const B = "(?<![a-z0-9_])";
const E = "(?![a-z0-9_])";

function pattern(
  source: string,
  read: (m: RegExpExecArray) => DateExpression | undefined,
): MentionPattern<DateExpression> {
  return { regex: new RegExp(`${B}(?:${source})${E}`, "g"), read };
}

function monthOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : MONTH_NUMBER[name.slice(0, 3)];
}

function year(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function monthDay(
  month: number | undefined,
  dayText: string | undefined,
  yearText?: string,
): DateExpression | undefined {
  const day = dayText === undefined ? undefined : parseDayOfMonth(dayText.replace(/\s+/g, " "));
  if (month === undefined || month < 1 || month > 12 || day === undefined) return undefined;
  const written = year(yearText);
  return written === undefined
    ? { kind: "month-day", month, day }
    : { kind: "month-day", month, day, year: written };
}

function weekday(name: string, modifier: string | undefined): DateExpression | undefined {
  const number = WEEKDAY_NUMBER[name.slice(0, 3)];
  if (number === undefined) return undefined;
  if (modifier === "next") return { kind: "weekday", weekday: number, which: { weeks: 1 } };
  if (modifier === "last") return { kind: "weekday", weekday: number, which: "last" };
  if (modifier !== undefined && /this|coming/.test(modifier)) {
    return { kind: "weekday", weekday: number, which: "this" };
  }
  return { kind: "weekday", weekday: number, which: "bare" };
}

function days(
  count: string | undefined,
  unit: string | undefined,
  sign: number,
): DateExpression | undefined {
  const n = count === undefined ? undefined : parseCount(count);
  if (n === undefined || unit === undefined) return undefined;
  return { kind: "relative", days: sign * n * (unit.startsWith("week") ? 7 : 1) };
}

const MODIFIER = "(next|this coming|coming|this|last)";

/** Most specific first: "march 5" must win over "5", "next weekend" over "next week". */
export const ENGLISH_DATE_PATTERNS: readonly MentionPattern<DateExpression>[] = [
  pattern("(\\d{4})-(\\d{1,2})-(\\d{1,2})", (m) => monthDay(Number(m[2]), m[3], m[1])),
  pattern("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?", (m) => monthDay(Number(m[1]), m[2], m[3])),
  pattern(`(${MONTHS})\\.? (?:the )?(${DAY})(?:,? (\\d{4}))?`, (m) =>
    monthDay(monthOf(m[1]), m[2], m[3]),
  ),
  pattern(`(?:the )?(${DAY}) (?:of )?(${MONTHS})(?:,? (\\d{4}))?`, (m) =>
    monthDay(monthOf(m[2]), m[1], m[3]),
  ),
  pattern(`(?:the )?(${DAY}) (?:of )?next month|next month (?:on )?(?:the )?(${DAY})`, (m) => {
    const day = parseDayOfMonth(m[1] ?? m[2] ?? "");
    return day === undefined ? undefined : { kind: "day-of-month", day, months: 1 };
  }),
  pattern(`(?:the )?(${DAY}) of (?:this|the) month`, (m) => {
    const day = parseDayOfMonth(m[1] ?? "");
    return day === undefined ? undefined : { kind: "day-of-month", day, months: 0 };
  }),
  pattern("(?:the )?(?:end|last day) of (?:the )?next month|next month end", () => ({
    kind: "month-end",
    months: 1,
  })),
  pattern("(?:the )?(?:end|last day) of (?:the |this )?month|month end|eom", () => ({
    kind: "month-end",
    months: 0,
  })),
  pattern("(?:(?:the )?(?:start|beginning|first) of |early )?(?:the )?next month", () => ({
    kind: "month-start",
    months: 1,
  })),
  pattern("(?:the )?day after tomorrow", () => ({ kind: "relative", days: 2 })),
  pattern("(?:the )?day before yesterday", () => ({ kind: "relative", days: -2 })),
  pattern(
    `(?:in|within|after) (${COUNT}) (days?|weeks?)(?: time)?|(${COUNT}) (days?|weeks?) from (?:now|today)`,
    (m) => days(m[1] ?? m[3], m[2] ?? m[4], 1),
  ),
  pattern(`(${COUNT}) (days?|weeks?) ago`, (m) => days(m[1], m[2], -1)),
  pattern("(?:the )?week after next", () => ({ kind: "week-start", weeks: 2 })),
  pattern("next weekend", () => ({ kind: "weekend", weeks: 1 })),
  pattern("(?:this |the )?weekend", () => ({ kind: "weekend", weeks: 0 })),
  pattern("next week", () => ({ kind: "week-start", weeks: 1 })),
  pattern("(?:the )?end of (?:the |this )?week", () => ({
    kind: "weekday",
    weekday: 5,
    which: "this",
  })),
  pattern("today|tonight|this (?:morning|afternoon|evening)|end of (?:the )?day|eod", () => ({
    kind: "relative",
    days: 0,
  })),
  pattern("tomorrow", () => ({ kind: "relative", days: 1 })),
  pattern("yesterday|last night", () => ({ kind: "relative", days: -1 })),
  pattern(`(${WEEKDAYS}|${SHY_WEEKDAYS}) next week|next week (${WEEKDAYS}|${SHY_WEEKDAYS})`, (m) =>
    weekday(m[1] ?? m[2] ?? "", "next"),
  ),
  pattern(`(?:${MODIFIER} )?(${WEEKDAYS})`, (m) => weekday(m[2] ?? "", m[1])),
  pattern(`(?:${MODIFIER} |(?<=(?:on|by|until|before|after|from) ))(${SHY_WEEKDAYS})`, (m) =>
    weekday(m[2] ?? "", m[1]),
  ),
  pattern(
    `(?:the )?(\\d{1,2})(?:st|nd|rd|th)(?! (?:payment|installment|instalment|time|loan|month|week|year|day|one|bill|reminder))|(?<=(?:on|by|before|until|after) )the (\\d{1,2}|${ORDINAL_WORDS})`,
    (m) => {
      const day = parseDayOfMonth(m[1] ?? m[2] ?? "");
      return day === undefined ? undefined : { kind: "day-of-month", day };
    },
  ),
];
