// Lets the optional model reword a rendered nudge; whatever goes wrong, the template goes out.
import {
  type GuardedText,
  type Llm,
  type RewritePrompts,
  rewriteNudge,
} from "../../core/llm/index.ts";
import type { NudgeFacts } from "../../core/nudges/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { rewritePrompts } from "../../prompts/llm/index.ts";

export interface WordingDeps {
  readonly llm?: Llm;
  /** Default: prompts/llm/rewrite.ts. */
  readonly rewritePrompts?: RewritePrompts;
  /** Default: DEFAULT_LLM_TIMEOUT_MS (4 s). */
  readonly rewriteTimeoutMs?: number;
}

/**
 * The text to send for `rendered`: the model's rewording when the guard accepts it, else the
 * template. Without an llm, the template and no verdict. Never rejects: a model failure, a
 * timeout or even a bug in the guard leaves the template.
 * @example const { text, source } = await wordNudge(deps, rendered.text, facts)
 */
export async function wordNudge(
  deps: WordingDeps,
  rendered: string,
  facts: NudgeFacts,
): Promise<GuardedText | undefined> {
  if (!deps.llm) return undefined;
  try {
    return await rewriteNudge(rendered, facts, deps.llm, {
      prompts: deps.rewritePrompts ?? rewritePrompts,
      ...(deps.rewriteTimeoutMs === undefined ? {} : { timeoutMs: deps.rewriteTimeoutMs }),
    });
  } catch {
    return { text: rendered, source: "template", rejectedBecause: "LLM_FAILED" };
  }
}

/** One "nudge.worded" audit line per loan the message carried: which text went out, and why. */
export async function auditWording(
  store: Store,
  loanIds: readonly string[],
  wording: GuardedText,
  template: string,
  at: string,
): Promise<void> {
  const payload = {
    source: wording.source,
    ...(wording.rejectedBecause === undefined ? {} : { rejectedBecause: wording.rejectedBecause }),
    template,
  };
  for (const loanId of new Set(loanIds)) {
    await store.audit.append({
      actor: "nudger",
      action: "nudge.worded",
      subject: `loan:${loanId}`,
      payload,
      at,
    });
  }
}
