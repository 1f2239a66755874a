// The LLM is off unless configured; configuration reads the model, endpoint and timeout.
import { describe, expect, it } from "vitest";
import { llmFromEnv, llmSettings } from "../../bots/llm/index.ts";

describe("llmFromEnv", () => {
  it("Should return undefined when neither a key nor a base URL is set", () => {
    expect(llmFromEnv({})).toBeUndefined();
    expect(llmFromEnv({ OPENAI_API_KEY: " ", OPENAI_MODEL: "gpt-4o" })).toBeUndefined();
  });

  it("Should build a model from a key alone, with the defaults", () => {
    expect(llmSettings({ OPENAI_API_KEY: "sk-test" })).toEqual({
      apiKey: "sk-test",
      model: "gpt-4o-mini",
      timeoutMs: 4000,
      maxRetries: 1,
    });
    expect(llmFromEnv({ OPENAI_API_KEY: "sk-test" })).toBeDefined();
  });

  it("Should build a model for any OpenAI-compatible server from a base URL alone", () => {
    const env = {
      OPENAI_BASE_URL: "http://127.0.0.1:8080/v1",
      OPENAI_MODEL: "qwen2.5-7b-instruct",
      REPAY_LLM_TIMEOUT_MS: "1500",
    };
    expect(llmSettings(env)).toEqual({
      baseURL: "http://127.0.0.1:8080/v1",
      model: "qwen2.5-7b-instruct",
      timeoutMs: 1500,
      maxRetries: 1,
    });
    expect(llmFromEnv(env)).toBeDefined();
  });

  it("Should ignore a timeout that is not a positive whole number of milliseconds", () => {
    for (const REPAY_LLM_TIMEOUT_MS of ["0", "-5", "abc", "2.5"]) {
      expect(llmSettings({ OPENAI_API_KEY: "k", REPAY_LLM_TIMEOUT_MS })?.timeoutMs).toBe(4000);
    }
  });
});
