// A rule maps a pattern to an intent; precedence decides between rules that all match.
import type { IntentName } from "./types.ts";

export type RuleIntent = Exclude<IntentName, "unknown">;

export interface Rule {
  /** Stable, dotted name reported in Understanding.rule: "en.opt_out.stop-alone". */
  name: string;
  intent: RuleIntent;
  /** How sure a match of this rule alone makes us, 0..1. */
  confidence: number;
  /** Tested against the view the rule is written for. */
  pattern: RegExp;
  /** If this also matches, the rule does not apply (negations: "don't stop"). */
  unless?: RegExp;
  /** Overrides the intent's place in PRECEDENCE, e.g. "pay 100 a month" is a plan, not a promise. */
  rank?: number;
  view: "en" | "zh";
}

/**
 * Highest first. A borrower's rights come before everything: "I can't pay, stop" is an opt-out,
 * "I already paid, the amount is wrong" a dispute. Reported payments come before promises ("I
 * paid half, will pay the rest Friday" stays a promise only through its own rule), promises
 * before plans ("can't pay now but I'll pay Friday"), and the specific questions (payoff, next
 * payment) before the general balance. A question about how the loan works ("how does interest
 * work", "为什么有滞纳金") is a lesson: below requests that act, above the balance questions
 * whose words it shares. Help and greetings yield to anything with substance.
 */
export const PRECEDENCE: readonly RuleIntent[] = [
  "opt_out",
  "dispute",
  "human_agent",
  "opt_in",
  "already_paid",
  "promise_to_pay",
  "plan_request",
  "learn",
  "payoff_quote",
  "next_payment",
  "balance",
  "help",
  "greeting",
];

export interface RuleMatch {
  rule: Rule;
  rank: number;
}

export interface Views {
  en: string;
  zh: string;
}

export function matchRules(rules: readonly Rule[], views: Views): RuleMatch[] {
  return rules
    .filter((rule) => {
      const view = views[rule.view];
      return rule.pattern.test(view) && !(rule.unless?.test(view) ?? false);
    })
    .map((rule) => ({ rule, rank: rule.rank ?? PRECEDENCE.indexOf(rule.intent) }));
}

/** The match with the best rank; on a tie the more confident rule, then the earlier one. */
export function pickWinner(matches: readonly RuleMatch[]): RuleMatch | undefined {
  let best: RuleMatch | undefined;
  for (const match of matches) {
    if (
      best === undefined ||
      match.rank < best.rank ||
      (match.rank === best.rank && match.rule.confidence > best.rule.confidence)
    ) {
      best = match;
    }
  }
  return best;
}

/** English: the words must stand as whole words somewhere in the English view. */
export function words(source: string): RegExp {
  return new RegExp(`(?<![a-z0-9_])(?:${source})(?![a-z0-9_])`);
}

/** English: the words must be a whole clause on their own ("stop", "stop please"). */
export function alone(source: string): RegExp {
  return new RegExp(`(?:^|\\| )(?:${source})(?= \\||$)`);
}

export function englishRule(
  name: string,
  intent: RuleIntent,
  confidence: number,
  pattern: RegExp,
  options: { unless?: RegExp; rank?: number } = {},
): Rule {
  return { name: `en.${intent}.${name}`, intent, confidence, pattern, view: "en", ...options };
}

export function chineseRule(
  name: string,
  intent: RuleIntent,
  confidence: number,
  pattern: string,
  options: { unless?: string; rank?: number } = {},
): Rule {
  const { unless, rank } = options;
  return {
    name: `zh.${intent}.${name}`,
    intent,
    confidence,
    pattern: new RegExp(pattern, "u"),
    view: "zh",
    ...(unless === undefined ? {} : { unless: new RegExp(unless, "u") }),
    ...(rank === undefined ? {} : { rank }),
  };
}
