// Builds the optional LLM from the environment; without a key or base URL there is none.
import type { Llm } from "../../core/llm/index.ts";
import { openAiLlm } from "./openai-llm.ts";

export const DEFAULT_OPENAI_MODEL = "gpt-4o-mini";
export const DEFAULT_LLM_TIMEOUT_MS = 4_000;
const MAX_RETRIES = 1;

type Env = Readonly<Record<string, string | undefined>>;

function positiveInteger(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The model settings read from `env`, or undefined when the LLM is off. */
export function llmSettings(env: Env) {
  const apiKey = env.OPENAI_API_KEY?.trim() || undefined;
  const baseURL = env.OPENAI_BASE_URL?.trim() || undefined;
  if (apiKey === undefined && baseURL === undefined) return undefined;
  return {
    ...(apiKey === undefined ? {} : { apiKey }),
    ...(baseURL === undefined ? {} : { baseURL }),
    model: env.OPENAI_MODEL?.trim() || DEFAULT_OPENAI_MODEL,
    timeoutMs: positiveInteger(env.REPAY_LLM_TIMEOUT_MS, DEFAULT_LLM_TIMEOUT_MS),
    maxRetries: MAX_RETRIES,
  };
}

/**
 * The LLM configured by OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL / REPAY_LLM_TIMEOUT_MS,
 * or undefined when neither a key nor a base URL is set: the product then runs on rules alone.
 * @example const llm = llmFromEnv(process.env);
 */
export function llmFromEnv(env: Env): Llm | undefined {
  const settings = llmSettings(env);
  return settings === undefined ? undefined : openAiLlm(settings);
}
