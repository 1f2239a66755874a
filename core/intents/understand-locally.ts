// Rules first where they are sure, the trained classifier next: a reading with its confidence, or a question.
import { analyse, entitiesFor } from "./analyse.ts";
import { NO_FEATURES, textFeatures } from "./classifier/features.ts";
import type { Ranked } from "./classifier/linear-model.ts";
import { rankWithShippedModel } from "./classifier/shipped-model.ts";
import { ALTERNATIVE_FLOOR, MAX_ALTERNATIVES, needsAsking, UNKNOWN_BELOW } from "./confidence.ts";
import type { IntentContext, IntentName, Understanding } from "./types.ts";
import { understandAnalysed } from "./understand.ts";

/**
 * Rules that stand alone: an opt-out keyword (STOP, UNSUBSCRIBE, 退订, 停止发送) or START is
 * honoured at once, as the law and the carriers expect, whatever the classifier thinks.
 */
export const IMMEDIATE_RULES: ReadonlySet<string> = new Set([
  "en.opt_out.stop-alone",
  "en.opt_out.stop-contact",
  "en.opt_out.unsubscribe",
  "en.opt_in.start-alone",
  "zh.opt_out.unsubscribe",
  "zh.opt_out.stop-alone",
  "zh.opt_out.stop-sending",
]);

/** How much a matching rule counts against the classifier's probabilities. */
export const RULE_WEIGHT = 0.5;

export interface Blend {
  readonly intent: IntentName;
  readonly confidence: number;
  readonly ranked: readonly { intent: IntentName; confidence: number }[];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Weighs the rules' reading with the classifier's: (1 - RULE_WEIGHT) * p + RULE_WEIGHT * the
 * rule's confidence on the rule's intent. A rule and the classifier agreeing is surer than
 * either; disagreeing, neither wins by much, and the borrower is asked.
 */
export function blend(rules: Understanding, ranked: readonly Ranked[]): Blend {
  const scored = ranked.map(({ intent, probability }) => {
    const ruled = rules.intent !== "unknown" && intent === rules.intent;
    const confidence =
      rules.intent === "unknown"
        ? probability
        : (1 - RULE_WEIGHT) * probability + (ruled ? RULE_WEIGHT * rules.confidence : 0);
    return { intent, confidence: round(confidence) };
  });
  scored.sort((a, b) => b.confidence - a.confidence);
  const best = scored[0] ?? { intent: "unknown" as const, confidence: 0 };
  return { intent: best.intent, confidence: best.confidence, ranked: scored };
}

function alternativesOf(result: Blend) {
  return result.ranked
    .filter((entry) => entry.intent !== "unknown" && entry.intent !== "greeting")
    .filter((entry, i) => i === 0 || entry.confidence >= ALTERNATIVE_FLOOR)
    .slice(0, MAX_ALTERNATIVES);
}

/**
 * Reads a borrower's message on this machine, no model service needed. Never throws for any
 * `text`; throws INVALID_INTENT_CONTEXT only for a bad `context`. An unsure reading carries
 * `alternatives` (see confidence.ts); `rule` names the rule when one took part ("+model"
 * when the classifier did too, "model" when it decided alone).
 * @example understandLocally("yo what's the damage on my loan rn", context).intent // "balance"
 */
export const understandLocally = localReader(rankWithShippedModel);

/** The same reading over any ranking of intents: the shipped model's, or one being compared. */
export function localReader(rank: (features: readonly string[]) => readonly Ranked[]) {
  return (text: string, context: IntentContext): Understanding => readLocally(text, context, rank);
}

function readLocally(
  text: string,
  context: IntentContext,
  rank: (features: readonly string[]) => readonly Ranked[],
): Understanding {
  const analysis = analyse(text, context);
  const byRules = understandAnalysed(analysis);
  if (byRules.rule !== undefined && IMMEDIATE_RULES.has(byRules.rule)) return byRules;

  const features = textFeatures(analysis.marked);
  // Nothing for the classifier to read ("?", "👍", "5"): the rules' reading stands.
  if (features.length === 1 && features[0] === NO_FEATURES) return byRules;
  const result = blend(byRules, rank(features));
  const { intent, confidence } = result;
  const understanding: Understanding = {
    intent,
    confidence,
    language: analysis.language,
    entities: entitiesFor(analysis, intent),
    rule: byRules.rule === undefined ? "model" : `${byRules.rule}+model`,
  };
  if (intent === "unknown" || confidence < UNKNOWN_BELOW) {
    // Too unsure to name anything; offer what is still close, else the menu ("unknown").
    const offered = alternativesOf(result).filter((entry) => entry.confidence >= UNKNOWN_BELOW);
    const unknown = {
      ...understanding,
      intent: "unknown" as const,
      entities: entitiesFor(analysis, "unknown"),
    };
    return offered.length > 0 ? { ...unknown, alternatives: offered } : unknown;
  }
  if (needsAsking(intent, confidence, byRules.intent === intent)) {
    return { ...understanding, alternatives: alternativesOf(result) };
  }
  return understanding;
}
