// A date as the borrower said it ("next Friday", "5号"), and its resolution against local today.
import { addDays, type IsoDate } from "../dates/iso-date.ts";
import {
  calendarDate,
  dayInMonth,
  firstOfMonth,
  lastOfMonth,
  mondayOf,
  type Weekday,
  weekdayOf,
  yearOf,
} from "./calendar.ts";

export type DateExpression =
  /** "today" 0, "tomorrow" 1, "in 3 days" 3, "yesterday" -1. */
  | { kind: "relative"; days: number }
  /**
   * A weekday. `bare` ("Friday", "周五") is the next one strictly after today, `this` ("this
   * Friday", "这周五") the next one on or after today, `weeks` n ("next Friday", "下周五") the one
   * in the ISO week n weeks on, and `last` ("last Friday", "上周五") the one in last week.
   */
  | { kind: "weekday"; weekday: Weekday; which: "bare" | "this" | "last" | { weeks: number } }
  /** "next week": the Monday `weeks` weeks on. */
  | { kind: "week-start"; weeks: number }
  /** "the weekend" (0: the coming Saturday, or today on a weekend) or "next weekend" (1). */
  | { kind: "weekend"; weeks: number }
  /** "the 5th" (no months: next on or after today) or "下个月5号" (months: 1). */
  | { kind: "day-of-month"; day: number; months?: number }
  /** "March 5" / "3月5日": this year, or next year once past; `year` when written. */
  | { kind: "month-day"; month: number; day: number; year?: number }
  /** "end of the month" (0), "下个月底" (1). */
  | { kind: "month-end"; months: number }
  /** "next month" / "beginning of next month": the 1st, `months` months on. */
  | { kind: "month-start"; months: number };

/**
 * Which way an undated reference points. Promises look ahead; "I paid on Friday" looks back,
 * so `past` turns bare weekdays and days of the month into the latest one on or before today.
 */
export type Direction = "future" | "past";

function weekdayDate(
  today: IsoDate,
  weekday: Weekday,
  which: "bare" | "this" | "last" | { weeks: number },
  direction: Direction,
): IsoDate {
  const gap = (weekday - weekdayOf(today) + 7) % 7;
  const back = (weekdayOf(today) - weekday + 7) % 7;
  if (which === "last") return addDays(mondayOf(today), weekday - 1 - 7);
  if (typeof which === "object") return addDays(mondayOf(today), 7 * which.weeks + weekday - 1);
  if (which === "this") return direction === "past" ? addDays(today, -back) : addDays(today, gap);
  return direction === "past" ? addDays(today, -(back || 7)) : addDays(today, gap || 7);
}

function dayOfMonthDate(today: IsoDate, day: number, direction: Direction): IsoDate {
  const thisMonth = dayInMonth(today, 0, day);
  if (direction === "past") return thisMonth <= today ? thisMonth : dayInMonth(today, -1, day);
  return thisMonth >= today ? thisMonth : dayInMonth(today, 1, day);
}

function monthDayDate(
  today: IsoDate,
  month: number,
  day: number,
  direction: Direction,
): IsoDate | undefined {
  const year = yearOf(today);
  const thisYear = calendarDate(year, month, day);
  if (direction === "past") {
    return thisYear !== undefined && thisYear <= today
      ? thisYear
      : calendarDate(year - 1, month, day);
  }
  return thisYear !== undefined && thisYear >= today
    ? thisYear
    : calendarDate(year + 1, month, day);
}

/** The calendar date an expression means on `today` (the borrower's local date). */
export function resolveDate(
  expression: DateExpression,
  today: IsoDate,
  direction: Direction = "future",
): IsoDate | undefined {
  switch (expression.kind) {
    case "relative":
      return addDays(today, expression.days);
    case "weekday":
      return weekdayDate(today, expression.weekday, expression.which, direction);
    case "week-start":
      return addDays(mondayOf(today), 7 * expression.weeks);
    case "weekend": {
      if (expression.weeks > 0) return addDays(mondayOf(today), 7 * expression.weeks + 5);
      return weekdayOf(today) >= 6 ? today : addDays(mondayOf(today), 5);
    }
    case "day-of-month":
      return expression.months === undefined
        ? dayOfMonthDate(today, expression.day, direction)
        : dayInMonth(today, expression.months, expression.day);
    case "month-day":
      return expression.year === undefined
        ? monthDayDate(today, expression.month, expression.day, direction)
        : calendarDate(expression.year, expression.month, expression.day);
    case "month-end":
      return lastOfMonth(today, expression.months);
    case "month-start":
      return firstOfMonth(today, expression.months);
  }
}
