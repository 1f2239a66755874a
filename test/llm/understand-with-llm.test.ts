// Rules first, then the model through the real SDK against the fake server; bad answers fall back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { understand, understandLocally } from "../../core/intents/index.ts";
import { type UnderstandingDecision, understandWithLlm } from "../../core/llm/index.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/openai/fake-openai-server.ts";
import { classifyPrompts, contextFor, llmFor, modelSays, TEST_TIMEOUT_MS } from "./builders.ts";

// The rules cannot read this one; it is what the model is asked about.
const UNCLEAR = "my wallet got stolen last week, what now";
const CONTEXT = contextFor("en");

describe("understandWithLlm with the openai SDK and a fake server", () => {
  let fake: FakeOpenAi;
  const decisions: UnderstandingDecision[] = [];
  // The SDK waits about half a second before its one retry: a 500 test needs room for it.
  const read = (timeoutMs = TEST_TIMEOUT_MS) =>
    understandWithLlm({
      llm: llmFor(fake, timeoutMs),
      timeoutMs,
      prompts: classifyPrompts,
      onDecision: (decision) => decisions.push(decision),
    });

  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({ json: modelSays("plan_request") }));
  });
  afterAll(() => fake.close());

  it("Should not ask the model when the local reading is sure", async () => {
    const before = fake.requests.length;
    const result = await read()("how much do I owe?", CONTEXT);
    expect(result).toEqual(understandLocally("how much do I owe?", CONTEXT));
    expect(fake.requests.length).toBe(before);
  });

  it("Should ask the model when the local reading would ask the borrower", async () => {
    // The classifier alone reads a dispute, sure enough by number but never enough to record one.
    const unsure = "what is this extra charge on my loan?";
    const local = understandLocally(unsure, CONTEXT);
    expect(local.confidence).toBeGreaterThan(0.6);
    expect(local.alternatives).toBeDefined();
    fake.script(() => ({ json: modelSays("balance") }));
    const read = understandWithLlm({
      llm: llmFor(fake, TEST_TIMEOUT_MS),
      prompts: classifyPrompts,
      rules: understandLocally,
    });
    const result = await read(unsure, CONTEXT);
    expect(result).toMatchObject({ intent: "balance", rule: "llm" });
    expect(result.alternatives).toBeUndefined();
  });

  it("Should take a valid structured answer when the local reading says unknown", async () => {
    expect(understand(UNCLEAR, CONTEXT).intent).toBe("unknown");
    expect(understandLocally(UNCLEAR, CONTEXT).intent).toBe("unknown");
    fake.script(() => ({ json: modelSays("plan_request") }));
    const result = await read()(UNCLEAR, CONTEXT);
    expect(result).toMatchObject({ intent: "plan_request", rule: "llm", language: "en" });
    const request = fake.requests.at(-1)!;
    expect(request.response_format).toMatchObject({
      type: "json_schema",
      json_schema: { name: "understanding", strict: true },
    });
    expect(JSON.stringify(request.messages)).toContain(UNCLEAR);
  });

  it("Should keep a date and an amount the message states", async () => {
    fake.script(() => ({
      json: modelSays("promise_to_pay", { date: "2026-03-13", amount: "80" }),
    }));
    const result = await read()("the 13th, 80 bucks, that's it", CONTEXT);
    expect(result.intent).toBe("promise_to_pay");
    expect(result.entities).toMatchObject({ date: "2026-03-13", amount: "80" });
  });

  it("Should drop an amount the message does not state", async () => {
    fake.script(() => ({ json: modelSays("promise_to_pay", { amount: "500" }) }));
    const result = await read()("blah blah some money at some point", CONTEXT);
    expect(result.entities.amount).toBeUndefined();
  });

  it.each([
    ["malformed JSON", { content: '{"intent": "balance", ' }],
    ["prose instead of JSON", { content: "Sure! The intent is balance." }],
    ["an intent outside the set", { json: modelSays("check_balance") }],
    ["a bad date", { json: modelSays("promise_to_pay", { date: "2026-02-30" }) }],
    ["a date in another format", { json: modelSays("promise_to_pay", { date: "03/13/2026" }) }],
    ["a bad amount", { json: modelSays("promise_to_pay", { amount: "$1,200" }) }],
    ["a bad language", { json: modelSays("balance", { language: "fr" }) }],
    ["a missing field", { json: { intent: "balance" } }],
    ["HTTP 500 every time", { status: 500 }],
    ["HTTP 401", { status: 401 }],
  ] as const)("Should fall back to the local reading on %s", async (_name, answer) => {
    fake.script(() => answer);
    const result = await read()(UNCLEAR, CONTEXT);
    expect(result).toEqual(understandLocally(UNCLEAR, CONTEXT));
    expect(decisions.at(-1)).toMatchObject({ source: "rules", asked: true });
  });

  it("Should retry a 500 once and then use the answer", async () => {
    const before = fake.requests.length;
    fake.script((_request, index) =>
      index === before ? { status: 500 } : { json: modelSays("dispute") },
    );
    const result = await read(3_000)(UNCLEAR, CONTEXT);
    expect(result.intent).toBe("dispute");
    expect(fake.requests.length - before).toBe(2);
  });

  it("Should fall back within the timeout when the server stalls for 10 s", async () => {
    fake.script(() => ({ stallMs: 10_000 }));
    const started = performance.now();
    const result = await read()(UNCLEAR, CONTEXT);
    const elapsed = performance.now() - started;
    console.log(
      JSON.stringify({
        stall: "classify",
        timeoutMs: TEST_TIMEOUT_MS,
        elapsedMs: Math.round(elapsed),
      }),
    );
    expect(result).toEqual(understandLocally(UNCLEAR, CONTEXT));
    expect(decisions.at(-1)).toMatchObject({ rejectedBecause: "LLM_TIMEOUT" });
    expect(elapsed).toBeLessThan(TEST_TIMEOUT_MS + 300);
  });

  it("Should hold its own deadline over a model that never answers", async () => {
    const started = performance.now();
    const result = await understandWithLlm({
      llm: { classify: () => new Promise(() => {}), rewrite: () => new Promise(() => {}) },
      prompts: classifyPrompts,
      timeoutMs: 200,
    })(UNCLEAR, CONTEXT);
    expect(result.intent).toBe("unknown");
    expect(performance.now() - started).toBeLessThan(500);
  });
});
