// Text in, Understanding out: normalise, find dates and amounts, run the rules, apply precedence.
import { AMOUNT_PATTERNS } from "./amount.ts";
import { localToday } from "./context.ts";
import { ENGLISH_DATE_PATTERNS } from "./date-en.ts";
import { type DateExpression, resolveDate } from "./date-expression.ts";
import { CHINESE_DATE_PATTERNS } from "./date-zh.ts";
import { detectLanguage } from "./language.ts";
import { type Mention, replaceMentions, scanMentions } from "./mention-scan.ts";
import { chineseView, englishView, normalise } from "./normalise.ts";
import { matchRules, pickWinner, type Rule } from "./rule.ts";
import { ENGLISH_PAYMENT_RULES } from "./rules-en-payments.ts";
import { ENGLISH_QUESTION_RULES } from "./rules-en-questions.ts";
import { ENGLISH_RIGHTS_RULES } from "./rules-en-rights.ts";
import { CHINESE_RULES } from "./rules-zh.ts";
import type { Entities, IntentContext, Language, Understanding } from "./types.ts";

// Both tables always run: borrowers mix "STOP" into Chinese and "好的" into English. On a tie
// the message's own language goes first, so the reported rule reads in that language.
const ENGLISH_RULES: readonly Rule[] = [
  ...ENGLISH_RIGHTS_RULES,
  ...ENGLISH_PAYMENT_RULES,
  ...ENGLISH_QUESTION_RULES,
];
const RULES_BY_LANGUAGE: Readonly<Record<Language, readonly Rule[]>> = {
  en: [...ENGLISH_RULES, ...CHINESE_RULES],
  "zh-CN": [...CHINESE_RULES, ...ENGLISH_RULES],
};

// A message that also matches another substantive intent is less certain.
const AMBIGUITY_FACTOR = 0.85;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Reads a borrower's message. Rules decide, never a model: the winning rule is named in `rule`.
 * Never throws for any `text`; throws INVALID_INTENT_CONTEXT only for a bad `context`.
 * @example understand("ill pay friday", { locale: "en", timeZone: "America/New_York", now: "2026-03-04T10:00:00Z" })
 * // { intent: "promise_to_pay", entities: { date: "2026-03-06" }, rule: "en.promise_to_pay.pay-on-date", ... }
 */
export function understand(text: string, context: IntentContext): Understanding {
  const today = localToday(context);
  const clean = normalise(text);
  const language = detectLanguage(clean, context.locale);

  const chineseDates = scanMentions(clean, CHINESE_DATE_PATTERNS);
  const dates: Mention<DateExpression>[] = [
    ...chineseDates,
    ...scanMentions(clean, ENGLISH_DATE_PATTERNS, chineseDates),
  ].sort((a, b) => a.start - b.start);
  const dated = replaceMentions(clean, dates, "_date_");
  const amounts = scanMentions(dated, AMOUNT_PATTERNS);
  const marked = replaceMentions(dated, amounts, "_amount_");

  const matches = matchRules(RULES_BY_LANGUAGE[language], {
    en: englishView(marked),
    zh: chineseView(marked),
  });
  const winner = pickWinner(matches);

  const entities: Entities = {};
  // "Can't do Friday, how about Monday": a promise's last date is the one offered.
  const promise = winner?.rule.intent === "promise_to_pay";
  const mention = promise ? dates[dates.length - 1] : dates[0];
  if (mention !== undefined) {
    const direction = winner?.rule.intent === "already_paid" ? "past" : "future";
    const date = resolveDate(mention.value, today, direction);
    if (date !== undefined) entities.date = date;
  }
  const amount = amounts[0];
  if (amount !== undefined) entities.amount = amount.value;

  if (winner === undefined) return { intent: "unknown", confidence: 0, language, entities };
  const rivals = matches.some(
    (match) =>
      match.rule.intent !== winner.rule.intent &&
      match.rule.intent !== "greeting" &&
      match.rule.intent !== "help",
  );
  return {
    intent: winner.rule.intent,
    confidence: round(winner.rule.confidence * (rivals ? AMBIGUITY_FACTOR : 1)),
    language,
    entities,
    rule: winner.rule.name,
  };
}
