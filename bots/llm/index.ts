// The LLM adapter for the bots: build it from the environment, or directly for a given server.
export { DEFAULT_OPENAI_MODEL, llmFromEnv, llmSettings } from "./llm-from-env.ts";
export { LlmCallError, type OpenAiLlmOptions, openAiLlm } from "./openai-llm.ts";
