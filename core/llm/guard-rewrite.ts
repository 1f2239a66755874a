// Accepts a model's rewording only if it says nothing the core did not: same figures, no new claims.

import { addedClaims } from "../text/forbidden-claims.ts";
import { figureTokens, maskFacts } from "./figure-tokens.ts";

/** Telegram's limit on one message. */
export const TELEGRAM_MAX_LENGTH = 4096;

export interface RewriteBounds {
  /** The text the core wrote; the rewording must not add figures or claims it lacks. */
  readonly original: string;
  /** Every formatted figure the text may quote (nudgeTextFacts, or the assistant's figures). */
  readonly allowed: Iterable<string>;
  /** Strings that must survive verbatim: the lender's name, the opt-out line, the amounts. */
  readonly required?: readonly string[];
  readonly maxLength?: number;
}

/** Which text is sent, and why the model's was not when it was not. */
export interface GuardedText {
  readonly text: string;
  readonly source: "model" | "template";
  /** "too-long", "missing:<text>", "claim:<kind>", "figure:<token>", "LLM_TIMEOUT", ... */
  readonly rejectedBecause?: string;
}

function counts(tokens: readonly string[]): Map<string, number> {
  const tally = new Map<string, number>();
  for (const token of tokens) tally.set(token, (tally.get(token) ?? 0) + 1);
  return tally;
}

/** True when `fact` stands whole in `text` ("3" in "3 days", not in "$130.00"). */
export function containsFact(text: string, fact: string): boolean {
  return maskFacts(text, [fact]) !== text;
}

/** Why `candidate` may not replace `bounds.original`, or undefined when it may. */
export function rewriteProblem(candidate: string, bounds: RewriteBounds): string | undefined {
  if (candidate.trim() === "") return "empty";
  if (candidate.length > (bounds.maxLength ?? TELEGRAM_MAX_LENGTH)) return "too-long";
  const missing = (bounds.required ?? []).find((text) => !containsFact(candidate, text));
  if (missing !== undefined) return `missing:${missing}`;
  const [claim] = addedClaims(bounds.original, candidate);
  if (claim !== undefined) return `claim:${claim}`;
  // What is left after masking the allowed facts may state nothing the original's rest did not.
  const allowed = [...bounds.allowed];
  const budget = counts(figureTokens(maskFacts(bounds.original, allowed)));
  for (const token of figureTokens(maskFacts(candidate, allowed))) {
    const left = budget.get(token) ?? 0;
    if (left === 0) return `figure:${token}`;
    budget.set(token, left - 1);
  }
  return undefined;
}

/**
 * The model's `candidate` if it keeps to `bounds`, else the core's original text.
 * @example guardRewrite("Hi Alex! $130.00 is due ...", { original, allowed: nudgeTextFacts(facts) })
 * // { text: "Hi Alex! ...", source: "model" }
 */
export function guardRewrite(candidate: string, bounds: RewriteBounds): GuardedText {
  const text = candidate.trim();
  const problem = rewriteProblem(text, bounds);
  return problem === undefined
    ? { text, source: "model" }
    : { text: bounds.original, source: "template", rejectedBecause: problem };
}
