// The vocabulary of intent understanding: intent names, languages, the context and the result.
import type { LearnTopic } from "./learn-topics.ts";

export const INTENT_NAMES = [
  "balance",
  "next_payment",
  "payoff_quote",
  "plan_request",
  "promise_to_pay",
  "already_paid",
  "opt_out",
  "opt_in",
  "dispute",
  "human_agent",
  "learn",
  "help",
  "greeting",
  "unknown",
] as const;

export type IntentName = (typeof INTENT_NAMES)[number];

export type Language = "en" | "zh-CN";

export const LANGUAGES: readonly Language[] = ["en", "zh-CN"];

/** Who is talking and when: the borrower's locale and IANA time zone, and the current instant. */
export interface IntentContext {
  locale: Language;
  timeZone: string;
  /** An ISO 8601 instant with an offset or "Z", e.g. "2026-03-04T10:00:00Z". */
  now: string;
}

export interface Entities {
  /** A calendar date in the borrower's zone, "YYYY-MM-DD". */
  date?: string;
  /** A decimal string as the borrower wrote it, without grouping or currency: "1200.50". */
  amount?: string;
  /** For "learn": the lesson the question is about; absent, the borrower's next one. */
  lesson?: LearnTopic;
}

export interface Understanding {
  intent: IntentName;
  /** 0..1; 0 for "unknown" from the rules alone. */
  confidence: number;
  language: Language;
  entities: Entities;
  /** The name of the rule that decided the intent, for explaining the decision later. */
  rule?: string;
  /**
   * Set when the reading is not sure enough to act on: the likeliest intents we could act on,
   * best first. The assistant then asks, or confirms before recording anything.
   */
  alternatives?: readonly Alternative[];
}

export interface Alternative {
  intent: IntentName;
  /** 0..1. */
  confidence: number;
}

export function isIntentName(value: unknown): value is IntentName {
  return typeof value === "string" && (INTENT_NAMES as readonly string[]).includes(value);
}

export function isLanguage(value: unknown): value is Language {
  return value === "en" || value === "zh-CN";
}
