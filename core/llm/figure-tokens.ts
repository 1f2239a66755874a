// Finds what in a text states a fact: digits, money, dates, counts, links — in English and Chinese.

// A fact found in the text is masked with this; it keeps "3" next to "月" from reading as free.
export const MASK = "\uE000";

const EN_MONTHS =
  "january|february|march|april|june|july|august|september|october|november|december|" +
  "jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec|may(?=\\s*[\\d\\uE000])";
const EN_DAYS =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thurs?|fri|sat";
const EN_RELATIVE =
  "today|tonight|tomorrow|yesterday|weekend|fortnight|days?|weeks?|months?|years?|hours?|minutes?";
const EN_NUMBERS =
  "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|" +
  "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|" +
  "hundred|thousand|million|billion|half|quarter|double|twice|dozen|percent|cents?|dollars?|" +
  "bucks|usd|cny|rmb|yuan";
const ZH_NUMERAL = "[零〇一二两三四五六七八九十百千万亿]";
const ZH_UNITS = "[月日号天元块个期笔次周年%％]";

const FIGURE = new RegExp(
  [
    "https?:\\/\\/\\S+",
    "www\\.\\S+",
    "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
    "[0-9０-９]+",
    "[$€£¥￥%％]",
    `\\b(?:${EN_MONTHS}|${EN_DAYS}|${EN_RELATIVE}|${EN_NUMBERS})\\b`,
    `${ZH_NUMERAL}+(?=${ZH_UNITS})`,
    `${ZH_NUMERAL}{2,}`,
    "今天|明天|后天|大后天|昨天|前天|今晚|明晚|本周|下周|这周|上周|月底|月初|年底",
    "星期[一二三四五六日天]?|礼拜[一二三四五六日天]?|周[一二三四五六日天末]",
    "[月日号年天元块]",
  ].join("|"),
  "giu",
);

/**
 * Every fact-stating token in `text`, lower-cased: "3", "$", "march", "friday", "明天", "月".
 * @example figureTokens("Pay $40 by Friday") // ["$", "40", "friday"]
 */
export function figureTokens(text: string): string[] {
  return (text.match(FIGURE) ?? []).map((token) => token.toLowerCase());
}

function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Masks each fact where it stands whole: "3" in "3 days" but not inside "$130.00" or "13".
 * Longer facts go first so "$130.00" is taken before "3".
 */
export function maskFacts(text: string, facts: Iterable<string>): string {
  const ordered = [...new Set(facts)].filter((fact) => fact !== "");
  ordered.sort((a, b) => b.length - a.length);
  let masked = text;
  for (const fact of ordered) {
    const before = /^\p{N}/u.test(fact) ? "(?<!\\p{N}|\\p{N}[.,])" : "";
    const after = /\p{N}$/u.test(fact) ? "(?!\\p{N}|[.,]\\p{N})" : "";
    masked = masked.replace(new RegExp(`${before}${literal(fact)}${after}`, "gu"), MASK);
  }
  return masked;
}
