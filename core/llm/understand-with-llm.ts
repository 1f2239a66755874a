// Rules and the local classifier first, a model last: asked only when the local reading is unsure, and checked.
import { daysBetween } from "../dates/iso-date.ts";
import { localToday } from "../intents/context.ts";
import { MAX_ANALYSED_LENGTH } from "../intents/normalise.ts";
import { INTENT_NAMES, type IntentContext, type Understanding } from "../intents/types.ts";
import { understandLocally } from "../intents/understand-locally.ts";
import { fillPrompt } from "./fill-prompt.ts";
import { failureReason } from "./llm-error.ts";
import type { Llm } from "./llm-port.ts";
import {
  checkedUnderstandingSchema,
  MODEL_UNDERSTANDING_JSON_SCHEMA,
  type ModelUnderstanding,
} from "./model-understanding.ts";
import { withDeadline } from "./with-deadline.ts";

/** Prompt templates (prompts/llm/classify.ts). Slots: {text} {locale} {today} {intents}. */
export interface ClassifyPrompts {
  readonly system: string;
  readonly user: string;
}

/** How a message was understood, for the audit log. */
export interface UnderstandingDecision {
  readonly source: "rules" | "model";
  readonly asked: boolean;
  readonly rejectedBecause?: string;
}

export interface UnderstandWithLlmOptions {
  readonly llm: Llm;
  readonly prompts: ClassifyPrompts;
  /** The longest we wait for the model; default 4000 ms. */
  readonly timeoutMs?: number;
  /** Below this local confidence the model is asked; default 0.6. */
  readonly threshold?: number;
  /** The local reading; default `understandLocally` (the rules, then the trained classifier). */
  readonly rules?: (text: string, context: IntentContext) => Understanding;
  readonly onDecision?: (decision: UnderstandingDecision, text: string) => void;
}

export const DEFAULT_LLM_TIMEOUT_MS = 4_000;
const DEFAULT_THRESHOLD = 0.6;
/** A model's reading counts as just sure enough to act on, never as sure as a rule. */
const MODEL_CONFIDENCE = 0.6;
/** A date further than this from today is a misreading, not a promise. */
const MAX_DATE_DISTANCE_DAYS = 366;

// The amount is the borrower's own figure: keep it only if the message holds that number.
function numbersIn(text: string): number[] {
  const ascii = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const plain = ascii.replace(/(\d)[,，\s](?=\d{3}\b)/g, "$1");
  return (plain.match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
}

function merge(rules: Understanding, model: ModelUnderstanding, text: string, today: string) {
  const entities = { ...rules.entities };
  const dateOk =
    model.date !== null && Math.abs(daysBetween(today, model.date)) <= MAX_DATE_DISTANCE_DAYS;
  if (entities.date === undefined && dateOk && model.date !== null) entities.date = model.date;
  const amountOk = model.amount !== null && numbersIn(text).includes(Number(model.amount));
  if (entities.amount === undefined && amountOk && model.amount !== null) {
    entities.amount = model.amount;
  }
  const understanding: Understanding = {
    intent: model.intent,
    confidence: MODEL_CONFIDENCE,
    // Language stays the rules' call: it is detected from the script, which a model can't beat.
    language: rules.language,
    entities,
    rule: "llm",
  };
  return understanding;
}

/**
 * An `understand` for the assistant that asks `llm` only when the local reading is "unknown",
 * less sure than `threshold`, or unsure enough to ask the borrower (it has `alternatives`).
 * A model's answer replaces the question; a failed one leaves the local reading (and its question). Any bad answer (not JSON, an intent outside the fixed set,
 * a malformed date, a timeout, an error) leaves the rules' answer standing. Never rejects.
 * @example createAssistant({ ..., understand: understandWithLlm({ llm, prompts: classifyPrompts }) })
 */
export function understandWithLlm(options: UnderstandWithLlmOptions) {
  const rules = options.rules ?? understandLocally;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  const decide = (decision: UnderstandingDecision, text: string) =>
    options.onDecision?.(decision, text);

  return async (text: string, context: IntentContext): Promise<Understanding> => {
    const byRules = rules(text, context);
    const sure = byRules.confidence >= threshold && byRules.alternatives === undefined;
    if (byRules.intent !== "unknown" && sure) {
      decide({ source: "rules", asked: false }, text);
      return byRules;
    }
    const today = localToday(context);
    const prompt = {
      text: text.slice(0, MAX_ANALYSED_LENGTH),
      locale: context.locale,
      today,
      intents: INTENT_NAMES.join(", "),
    };
    try {
      const raw = await withDeadline(timeoutMs, (signal) =>
        options.llm.classify({
          system: fillPrompt(options.prompts.system, prompt),
          user: fillPrompt(options.prompts.user, prompt),
          schemaName: "understanding",
          schema: MODEL_UNDERSTANDING_JSON_SCHEMA,
          signal,
        }),
      );
      const parsed = checkedUnderstandingSchema.safeParse(raw);
      if (!parsed.success) {
        decide({ source: "rules", asked: true, rejectedBecause: "invalid-answer" }, text);
        return byRules;
      }
      if (parsed.data.intent === "unknown") {
        decide({ source: "rules", asked: true, rejectedBecause: "model-unsure" }, text);
        return byRules;
      }
      decide({ source: "model", asked: true }, text);
      return merge(byRules, parsed.data, text, today);
    } catch (error) {
      decide({ source: "rules", asked: true, rejectedBecause: failureReason(error) }, text);
      return byRules;
    }
  };
}
