// Turns any string into bounded, clean text, and into the two views the rule tables read.
import { toSimplified } from "./traditional-chinese.ts";
import { correctTypos } from "./typos.ts";

/** Only the start of a message is read: long pastes are rarely about the loan, and regexes stay fast. */
export const MAX_ANALYSED_LENGTH = 2000;

const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/gu;
const QUOTES = /[\u2018\u2019\u201b\u02bc\u02b9\u0060\u00b4\u2032]/g;

/**
 * Caps the length, folds width and accents (NFKD), drops controls and invisible marks, lower-cases,
 * joins contractions ("can't" -> "cant"), maps Traditional to Simplified Chinese and fixes typos.
 * Line breaks become sentence ends. Punctuation, digits and currency signs stay for the parsers.
 */
export function normalise(input: unknown): string {
  if (typeof input !== "string") return "";
  let text = input.slice(0, MAX_ANALYSED_LENGTH).normalize("NFKD");
  text = text.slice(0, MAX_ANALYSED_LENGTH * 2);
  text = text
    .replace(/[\n\r\u2028\u2029]+/g, ". ")
    .replace(CONTROL, " ")
    .replace(INVISIBLE, "")
    .normalize("NFC")
    .toLowerCase()
    .replace(/_/g, " ") // underscores are reserved for the parsers' sentinels (_date_, _amount_)
    .replace(QUOTES, "'")
    .replace(/(\p{L})'(?=\p{L})/gu, "$1")
    .replace(/'/g, " ");
  return correctTypos(toSimplified(text)).replace(/\s+/g, " ").trim();
}

/**
 * The English view: ASCII words and sentinels only, one space apart; clause breaks (. , ! ? ;)
 * become " | " so a rule can ask for a word standing alone ("stop") rather than inside a clause.
 * Words in other scripts become "_x_": "今天天气不错" must not read as a bare "today".
 */
export function englishView(text: string): string {
  return text
    .replace(/[.,!?;:\u3002\u3001|]+/g, " | ")
    .replace(/[^ -~]+/g, (run) => (/[\p{L}\p{N}]/u.test(run) ? " _x_ " : " "))
    .replace(/[^a-z0-9_| ]+/g, " ")
    .replace(/\s+/g, " ")
    .replace(/(\| )+\|/g, "|")
    .replace(/^[ |]+|[ |]+$/g, "");
}

/** The Chinese view: the text without spaces, which Chinese does not use between words. */
export function chineseView(text: string): string {
  return text.replace(/\s+/g, "");
}
