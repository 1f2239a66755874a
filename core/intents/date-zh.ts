// Chinese date phrases: 今天, 明天, 后天, 周五, 下周五, 月底, 下个月5号, 5号, 3月5日, 三天后.
import type { Weekday } from "./calendar.ts";
import { parseNumber } from "./chinese-numerals.ts";
import type { DateExpression } from "./date-expression.ts";
import type { MentionPattern } from "./mention-scan.ts";

const N = "(\\d{1,2}|[一二三四五六七八九十两]{1,3})";
const W = "([一二三四五六日天1-7])";
const WEEK = "(?:周|星期|礼拜)";
const NEXT = "(下下|下)";
// Never read a number out of a longer one: "13号" is not "3号".
const NO_DIGIT_BEFORE = "(?<![\\d零〇一二两三四五六七八九十百千])";

const WEEKDAY: Readonly<Record<string, Weekday>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 7,
  天: 7,
  "1": 1,
  "2": 2,
  "3": 3,
  "4": 4,
  "5": 5,
  "6": 6,
  "7": 7,
};

function pattern(
  source: string,
  read: (m: RegExpExecArray) => DateExpression | undefined,
): MentionPattern<DateExpression> {
  return { regex: new RegExp(source, "gu"), read };
}

function dayNumber(text: string | undefined): number | undefined {
  const day = text === undefined ? undefined : parseNumber(text);
  return day !== undefined && day >= 1 && day <= 31 ? day : undefined;
}

function weeksAhead(prefix: string | undefined): number {
  return prefix === "下下" ? 2 : 1;
}

function weekdayOf(text: string | undefined): Weekday | undefined {
  return text === undefined ? undefined : WEEKDAY[text];
}

function count(text: string | undefined): number | undefined {
  const n = text === undefined ? undefined : parseNumber(text);
  return n !== undefined && n <= 999 ? n : undefined;
}

/** Most specific first: "下个月5号" must win over "5号", "大后天" over "后天". */
export const CHINESE_DATE_PATTERNS: readonly MentionPattern<DateExpression>[] = [
  pattern(`(\\d{4}) ?年 ?${N} ?月 ?${N} ?[日号]?`, (m) => {
    const month = dayNumber(m[2]);
    const day = dayNumber(m[3]);
    return month === undefined || month > 12 || day === undefined
      ? undefined
      : { kind: "month-day", month, day, year: Number(m[1]) };
  }),
  pattern(`${NEXT} ?个?月 ?${N} ?[日号]`, (m) => {
    const day = dayNumber(m[2]);
    return day === undefined ? undefined : { kind: "day-of-month", day, months: weeksAhead(m[1]) };
  }),
  pattern(`(?:这个|这|本) ?月 ?${N} ?[日号]`, (m) => {
    const day = dayNumber(m[1]);
    return day === undefined ? undefined : { kind: "day-of-month", day, months: 0 };
  }),
  pattern(`${NEXT} ?个?月 ?[底末]`, (m) => ({ kind: "month-end", months: weeksAhead(m[1]) })),
  pattern("(?:这个|这|本)? ?月[底末]", () => ({ kind: "month-end", months: 0 })),
  pattern(`${NEXT} ?个?月 ?[初头]`, (m) => ({ kind: "month-start", months: weeksAhead(m[1]) })),
  pattern(`${NO_DIGIT_BEFORE}${N} ?月 ?${N} ?[日号]?(?!\\d)`, (m) => {
    const month = dayNumber(m[1]);
    const day = dayNumber(m[2]);
    return month === undefined || month > 12 || day === undefined
      ? undefined
      : { kind: "month-day", month, day };
  }),
  pattern(`${NEXT} ?个?${WEEK} ?${W}`, (m) => {
    const weekday = weekdayOf(m[2]);
    return weekday === undefined
      ? undefined
      : { kind: "weekday", weekday, which: { weeks: weeksAhead(m[1]) } };
  }),
  pattern(`(?:这个|这|本) ?${WEEK} ?${W}`, (m) => {
    const weekday = weekdayOf(m[1]);
    return weekday === undefined ? undefined : { kind: "weekday", weekday, which: "this" };
  }),
  pattern(`上 ?个?${WEEK} ?${W}`, (m) => {
    const weekday = weekdayOf(m[1]);
    return weekday === undefined ? undefined : { kind: "weekday", weekday, which: "last" };
  }),
  pattern(`${NEXT} ?个?周末`, (m) => ({ kind: "weekend", weeks: weeksAhead(m[1]) })),
  pattern("(?:这个|这|本)?周末", () => ({ kind: "weekend", weeks: 0 })),
  // "每周一次" is "once a week", not Monday.
  pattern(`(?<!每)${WEEK}${W}(?!次)`, (m) => {
    const weekday = weekdayOf(m[1]);
    return weekday === undefined ? undefined : { kind: "weekday", weekday, which: "bare" };
  }),
  pattern(`${NEXT} ?个?${WEEK}(?![末一二三四五六日天1-7])`, (m) => ({
    kind: "week-start",
    weeks: weeksAhead(m[1]),
  })),
  pattern(`${NEXT} ?个?月(?![底末初头\\d一二三四五六七八九十两])`, (m) => ({
    kind: "month-start",
    months: weeksAhead(m[1]),
  })),
  pattern("大后天", () => ({ kind: "relative", days: 3 })),
  pattern("后天", () => ({ kind: "relative", days: 2 })),
  pattern("明天|明日|明早|明晚|明儿", () => ({ kind: "relative", days: 1 })),
  pattern("今天|今日|今晚|今早|今儿|当天", () => ({ kind: "relative", days: 0 })),
  pattern("大前天", () => ({ kind: "relative", days: -3 })),
  pattern("前天", () => ({ kind: "relative", days: -2 })),
  pattern("昨天|昨日|昨晚|昨儿", () => ({ kind: "relative", days: -1 })),
  pattern(`${NO_DIGIT_BEFORE}${N} ?个?(天|${WEEK}) ?之?后|过 ?${N} ?天`, (m) => {
    const n = count(m[1] ?? m[3]);
    return n === undefined
      ? undefined
      : { kind: "relative", days: m[2] === "天" || m[3] ? n : 7 * n };
  }),
  pattern(`${NO_DIGIT_BEFORE}${N} ?天 ?之?前`, (m) => {
    const n = count(m[1]);
    return n === undefined ? undefined : { kind: "relative", days: -n };
  }),
  pattern(`${NO_DIGIT_BEFORE}${N} ?[号日](?![\\d线楼])`, (m) => {
    const day = dayNumber(m[1]);
    return day === undefined ? undefined : { kind: "day-of-month", day };
  }),
];
