// Shared builders for the LLM tests: the real SDK pointed at the fake server, nudges, prompts.
import { openAiLlm } from "../../bots/llm/openai-llm.ts";
import type { Llm } from "../../core/llm/index.ts";
import type { NudgeFacts } from "../../core/nudges/index.ts";
import { classifyPrompts, rewritePrompts } from "../../prompts/llm/index.ts";
import { facts, render } from "../core/nudges/builders.ts";
import type { ChatRequest, FakeOpenAi } from "../fakes/openai/fake-openai-server.ts";

export { contextFor, FIXED_NOW, readLabelled } from "../core/intents/builders.ts";
export { LENDER, OPT_OUT } from "../core/nudges/builders.ts";
export { classifyPrompts, rewritePrompts };

/** Short enough that a stalled server costs a test half a second. */
export const TEST_TIMEOUT_MS = 500;

/** The real openai SDK, talking to the fake. */
export function llmFor(fake: FakeOpenAi, timeoutMs = TEST_TIMEOUT_MS): Llm {
  return openAiLlm({
    baseURL: fake.baseURL,
    apiKey: "test",
    model: "fake-model",
    timeoutMs,
    maxRetries: 1,
  });
}

/** The borrower's message inside a classify prompt (prompts/llm/classify.ts wraps it in <<< >>>). */
export function messageIn(request: ChatRequest): string {
  const user = request.messages.find((message) => message.role === "user")?.content ?? "";
  return /<<<\n([\s\S]*)\n>>>/.exec(user)?.[1] ?? "";
}

/** A rendered nudge and its facts: Alex, $130.00 incl. $10.00 fees, due Friday, March 6. */
export function nudge(overrides: Partial<NudgeFacts> = {}) {
  return { facts: facts(overrides), text: render(overrides).text };
}

export function zhNudge(overrides: Partial<NudgeFacts> = {}) {
  return nudge({ locale: "zh-CN", timeZone: "Asia/Shanghai", ...overrides });
}

/** A JSON answer of the understanding schema. */
export function modelSays(
  intent: string,
  entities: { date?: string | null; amount?: string | null; language?: string } = {},
) {
  return {
    intent,
    language: entities.language ?? "en",
    date: entities.date ?? null,
    amount: entities.amount ?? null,
  };
}
