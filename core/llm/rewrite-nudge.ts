// Lets a model reword a rendered nudge for tone, and sends the template whenever it strays.
import { type NudgeFacts, nudgeTextFacts } from "../nudges/index.ts";
import { fillPrompt } from "./fill-prompt.ts";
import { containsFact, type GuardedText, guardRewrite } from "./guard-rewrite.ts";
import { failureReason } from "./llm-error.ts";
import type { Llm } from "./llm-port.ts";
import { DEFAULT_LLM_TIMEOUT_MS } from "./understand-with-llm.ts";
import { withDeadline } from "./with-deadline.ts";

/** Prompt templates (prompts/llm/rewrite.ts). Slots: {text} {locale} {tone} {facts}. */
export interface RewritePrompts {
  readonly system: string;
  readonly user: string;
}

export interface RewriteOptions {
  readonly prompts: RewritePrompts;
  readonly timeoutMs?: number;
  readonly maxLength?: number;
  /** The tone asked for; default "the same". */
  readonly tone?: string;
}

/**
 * What a nudge's rewording must keep: the lender's name, the opt-out line (the last line) and
 * every figure the template quoted.
 */
export function nudgeRequirements(rendered: string, facts: NudgeFacts): string[] {
  const optOut = rendered.split("\n").at(-1) ?? "";
  const quoted = [...nudgeTextFacts(facts)].filter(
    (fact) => fact !== facts.borrowerName && containsFact(rendered, fact),
  );
  return [...new Set([facts.lenderName, optOut, ...quoted])].filter((text) => text !== "");
}

/**
 * Asks `llm` to reword `rendered` (renderNudge(facts, ...).text). The rewording is sent only if
 * it passes guardRewrite against nudgeTextFacts(facts); on any mismatch, timeout or error the
 * template is sent, and `source`/`rejectedBecause` say which and why. Never rejects.
 * @example const { text, source } = await rewriteNudge(rendered.text, facts, llm, { prompts });
 */
export async function rewriteNudge(
  rendered: string,
  facts: NudgeFacts,
  llm: Llm,
  options: RewriteOptions,
): Promise<GuardedText> {
  const allowed = nudgeTextFacts(facts);
  const values = {
    text: rendered,
    locale: facts.locale,
    tone: options.tone ?? "the same",
    facts: [...allowed].join(" | "),
  };
  try {
    const candidate = await withDeadline(options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS, (signal) =>
      llm.rewrite({
        system: fillPrompt(options.prompts.system, values),
        user: fillPrompt(options.prompts.user, values),
        signal,
      }),
    );
    if (typeof candidate !== "string") {
      return { text: rendered, source: "template", rejectedBecause: "LLM_BAD_ANSWER" };
    }
    return guardRewrite(candidate, {
      original: rendered,
      allowed,
      required: nudgeRequirements(rendered, facts),
      ...(options.maxLength === undefined ? {} : { maxLength: options.maxLength }),
    });
  } catch (error) {
    return { text: rendered, source: "template", rejectedBecause: failureReason(error) };
  }
}
