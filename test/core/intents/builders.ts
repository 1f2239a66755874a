// Shared builders for the intent tests: contexts at the fixture's fixed instant, and the fixture.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type IntentContext,
  type IntentName,
  type Language,
  understand,
} from "../../../core/intents/index.ts";

/** Wednesday 2026-03-04, 05:00 in New York and 18:00 in Shanghai. */
export const FIXED_NOW = "2026-03-04T10:00:00Z";

export const DEFAULT_ZONE: Readonly<Record<Language, string>> = {
  en: "America/New_York",
  "zh-CN": "Asia/Shanghai",
};

export function contextFor(
  locale: Language,
  overrides: Partial<Omit<IntentContext, "locale">> = {},
): IntentContext {
  return { locale, timeZone: DEFAULT_ZONE[locale], now: FIXED_NOW, ...overrides };
}

export interface LabelledUtterance {
  text: string;
  locale: Language;
  intent: IntentName;
  zone?: string;
  date?: string;
  amount?: string;
}

/** Reads a fixture from test/fixtures/intents: "labelled.jsonl" (tuned on) or "held-out.jsonl". */
export function readLabelled(file = "labelled.jsonl"): LabelledUtterance[] {
  const path = join(import.meta.dirname, "..", "..", "fixtures", "intents", file);
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as LabelledUtterance);
}

/** The date `understand` reads in `text`, at the fixture instant unless overridden. */
export function dateIn(
  text: string,
  locale: Language = "en",
  overrides: Partial<Omit<IntentContext, "locale">> = {},
): string | undefined {
  return understand(text, contextFor(locale, overrides)).entities.date;
}

/** The amount `understand` reads in `text`. */
export function amountIn(text: string, locale: Language = "en"): string | undefined {
  return understand(text, contextFor(locale)).entities.amount;
}

export function intentOf(text: string, locale: Language = "en"): IntentName {
  return understand(text, contextFor(locale)).intent;
}
