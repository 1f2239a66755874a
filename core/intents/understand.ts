// Text in, Understanding out by the rules alone: analyse, run the rule tables, apply precedence.
import { type Analysis, analyse, entitiesFor } from "./analyse.ts";
import { chineseView, englishView } from "./normalise.ts";
import { matchRules, pickWinner, type Rule } from "./rule.ts";
import { ENGLISH_PAYMENT_RULES } from "./rules-en-payments.ts";
import { ENGLISH_QUESTION_RULES } from "./rules-en-questions.ts";
import { ENGLISH_RIGHTS_RULES } from "./rules-en-rights.ts";
import { LEARN_RULES } from "./rules-learn.ts";
import { CHINESE_RULES } from "./rules-zh.ts";
import type { IntentContext, Language, Understanding } from "./types.ts";

// Both tables always run: borrowers mix "STOP" into Chinese and "好的" into English. On a tie
// the message's own language goes first, so the reported rule reads in that language.
const ENGLISH_RULES: readonly Rule[] = [
  ...ENGLISH_RIGHTS_RULES,
  ...ENGLISH_PAYMENT_RULES,
  ...ENGLISH_QUESTION_RULES,
  ...LEARN_RULES.filter((rule) => rule.view === "en"),
];
const ALL_CHINESE_RULES: readonly Rule[] = [
  ...CHINESE_RULES,
  ...LEARN_RULES.filter((rule) => rule.view === "zh"),
];
const RULES_BY_LANGUAGE: Readonly<Record<Language, readonly Rule[]>> = {
  en: [...ENGLISH_RULES, ...ALL_CHINESE_RULES],
  "zh-CN": [...ALL_CHINESE_RULES, ...ENGLISH_RULES],
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
  return understandAnalysed(analyse(text, context));
}

/** The rules' reading of a message already analysed. */
export function understandAnalysed(analysis: Analysis): Understanding {
  const { language, marked } = analysis;
  const matches = matchRules(RULES_BY_LANGUAGE[language], {
    en: englishView(marked),
    zh: chineseView(marked),
  });
  const winner = pickWinner(matches);
  const entities = entitiesFor(analysis, winner?.rule.intent);
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
