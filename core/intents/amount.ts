// Amounts as written, in either language: "$1,200.50" -> "1200.50", "¥300", "300元", "三百块".
import { CHINESE_NUMERAL, parseChineseNumber } from "./chinese-numerals.ts";
import type { MentionPattern } from "./mention-scan.ts";

const NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d{1,3})?|\\d{1,12}(?:\\.\\d{1,3})?)";
const PREFIX = "(?:us\\$|hk\\$|s\\$|\\$|usd|rmb|cny|¥|£|€)";
const SUFFIX = "(?:dollars?|bucks|usd|rmb|cny|yuan|元|块钱|块|圆|人民币|美元|美金)";
const B = "(?<![a-z0-9_.,])";
const E = "(?![a-z0-9_]|[.,]\\d)";
// What may follow a bare number that makes it a count or a date rather than money.
const NOT_MONEY =
  "(?! ?(?:days?|weeks?|months?|years?|st|nd|rd|th|%|am|pm|percent|times|installments?|instalments?|payments?|people|hours?|hrs?|mins?|minutes?|loans?|号|日|月|天|点|个|期|次|周|年|号|%|/|:))";
const EN_VERBS =
  "(?:pay|paying|paid|send|sending|sent|transfer|transferring|transferred|deposit|deposited|" +
  "give you|owe|owed|afford|manage|only have|just have|payment of|installment of|amount of)";
const EN_FILLERS =
  "(?:(?:you|back|about|around|like|only|just|maybe|another|extra|at least|at most|up to|roughly)\\s)?";
const ZH_VERBS =
  "(?:还|付|转|打|交|缴|给|先还|能还|可以还|只能还|还了|付了|转了|打了)(?:你们|你|了)?";

/** "1,200.50" -> "1200.50", "1.5" with k -> "1500". */
function decimal(text: string, thousands = false): string | undefined {
  const plain = text.replace(/,/g, "");
  if (!thousands) return plain;
  const [whole = "", fraction = ""] = plain.split(".");
  if (fraction.length > 3) return undefined;
  const value = `${whole}${fraction.padEnd(3, "0")}`.replace(/^0+(?=\d)/, "");
  return value;
}

function chinese(text: string | undefined): string | undefined {
  const value = text === undefined ? undefined : parseChineseNumber(text);
  return value === undefined || value === 0 ? undefined : String(value);
}

function pattern(
  source: string,
  read: (m: RegExpExecArray) => string | undefined,
): MentionPattern<string> {
  return { regex: new RegExp(source, "gu"), read };
}

/** Currency-marked amounts first, then numbers that follow a paying verb ("pay 150", "还300"). */
export const AMOUNT_PATTERNS: readonly MentionPattern<string>[] = [
  pattern(`${PREFIX} ?${NUMBER}(k)?${E}`, (m) => decimal(m[1] ?? "", m[2] !== undefined)),
  pattern(`${B}${NUMBER} ?(k)? ?${SUFFIX}(?![a-z])`, (m) =>
    decimal(m[1] ?? "", m[2] !== undefined),
  ),
  pattern(`${B}${NUMBER}k(?![a-z0-9])`, (m) => decimal(m[1] ?? "", true)),
  pattern(`(${CHINESE_NUMERAL}+) ?(?:元|块钱|块|圆)`, (m) => chinese(m[1])),
  pattern(`(?<=\\b${EN_VERBS}\\s${EN_FILLERS})${NUMBER}${E}${NOT_MONEY}`, (m) =>
    decimal(m[1] ?? ""),
  ),
  pattern(`(?<=${ZH_VERBS})(\\d{1,12}(?:\\.\\d{1,3})?)${NOT_MONEY}(?![\\d.])`, (m) =>
    decimal(m[1] ?? ""),
  ),
  pattern(
    `(?<=${ZH_VERBS})(${CHINESE_NUMERAL}*[十百千万]${CHINESE_NUMERAL}*)(?!${CHINESE_NUMERAL})${NOT_MONEY}`,
    (m) => chinese(m[1]),
  ),
];
