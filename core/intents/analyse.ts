// One pass over a message shared by the rules and the classifier: clean text, language, mentions.
import { AMOUNT_PATTERNS } from "./amount.ts";
import { localToday } from "./context.ts";
import { ENGLISH_DATE_PATTERNS } from "./date-en.ts";
import { type DateExpression, resolveDate } from "./date-expression.ts";
import { CHINESE_DATE_PATTERNS } from "./date-zh.ts";
import { detectLanguage } from "./language.ts";
import { learnTopic } from "./learn-topics.ts";
import { type Mention, replaceMentions, scanMentions } from "./mention-scan.ts";
import { normalise } from "./normalise.ts";
import type { Entities, IntentContext, IntentName, Language } from "./types.ts";

export interface Analysis {
  /** The borrower's local date at `context.now`. */
  readonly today: string;
  readonly language: Language;
  /** Normalised text with dates as "_date_" and amounts as "_amount_". */
  readonly marked: string;
  readonly dates: readonly Mention<DateExpression>[];
  readonly amounts: readonly Mention<string>[];
}

/** Throws INVALID_INTENT_CONTEXT for a bad `context`; never for any `text`. */
export function analyse(text: string, context: IntentContext): Analysis {
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
  return { today, language, marked, dates, amounts };
}

/** The date and amount as `intent` reads them: a promise's date is the last one offered. */
export function entitiesFor(analysis: Analysis, intent: IntentName | undefined): Entities {
  const entities: Entities = {};
  // "Can't do Friday, how about Monday": a promise's last date is the one offered.
  const { dates, amounts } = analysis;
  const mention = intent === "promise_to_pay" ? dates[dates.length - 1] : dates[0];
  if (mention !== undefined) {
    const direction = intent === "already_paid" ? "past" : "future";
    const date = resolveDate(mention.value, analysis.today, direction);
    if (date !== undefined) entities.date = date;
  }
  const amount = amounts[0];
  if (amount !== undefined) entities.amount = amount.value;
  if (intent === "learn") {
    const lesson = learnTopic(analysis.marked);
    if (lesson !== undefined) entities.lesson = lesson;
  }
  return entities;
}
