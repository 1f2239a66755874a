// An in-memory Llm for tests and the console: answers come from functions you script.
import type { AnswerPrompt, ClassifyPrompt, Llm, LlmPrompt } from "./llm-port.ts";

export interface LlmScript {
  readonly classify?: (prompt: ClassifyPrompt) => unknown | Promise<unknown>;
  readonly rewrite?: (prompt: LlmPrompt) => string | Promise<string>;
  readonly answer?: (prompt: AnswerPrompt) => string | Promise<string>;
}

/**
 * A scripted model; an unscripted method rejects, as a model that is down would.
 * @example const llm = scriptedLlm({ rewrite: ({ user }) => user });
 */
export function scriptedLlm(script: LlmScript): Llm & { readonly calls: string[] } {
  const calls: string[] = [];
  const missing = (method: string) => Promise.reject(new Error(`no script for ${method}`));
  return {
    calls,
    async classify(prompt) {
      calls.push("classify");
      return script.classify ? script.classify(prompt) : missing("classify");
    },
    async rewrite(prompt) {
      calls.push("rewrite");
      return script.rewrite ? script.rewrite(prompt) : missing("rewrite");
    },
    async answer(prompt) {
      calls.push("answer");
      return script.answer ? script.answer(prompt) : missing("answer");
    },
  };
}
