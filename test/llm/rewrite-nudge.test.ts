// rewriteNudge through the real SDK and the fake server: only a faithful rewording is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rewriteNudge } from "../../core/llm/index.ts";
import { type FakeOpenAi, startFakeOpenAi, userText } from "../fakes/openai/fake-openai-server.ts";
import { llmFor, nudge, OPT_OUT, rewritePrompts, TEST_TIMEOUT_MS, zhNudge } from "./builders.ts";

const FRIENDLY = [
  "Hi Alex! Acme Credit here. Your payment due on Friday, March 6 hasn't arrived yet.",
  "It's 3 days past due; the amount is $130.00 (including $10.00 in late fees and charges).",
  "Already sent it? Thank you! If paying is hard, reply PLAN for payment plan options.",
  OPT_OUT.en,
].join("\n");

describe("rewriteNudge with the openai SDK and a fake server", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({ content: FRIENDLY }));
  });
  afterAll(() => fake.close());

  // The SDK waits about half a second before its one retry: a 500 test needs room for it.
  const rewrite = (n = nudge(), timeoutMs = TEST_TIMEOUT_MS) =>
    rewriteNudge(n.text, n.facts, llmFor(fake, timeoutMs), {
      prompts: rewritePrompts,
      tone: "warm",
      timeoutMs,
    });

  it("Should send a faithful rewording and say the model wrote it", async () => {
    fake.script(() => ({ content: FRIENDLY }));
    expect(await rewrite()).toEqual({ text: FRIENDLY, source: "model" });
    const request = fake.requests.at(-1)!;
    expect(userText(request)).toBe(nudge().text);
    expect(request.messages[0]?.content).toContain("$130.00");
  });

  it("Should send the template when the model changes the amount", async () => {
    fake.script(() => ({ content: FRIENDLY.replace("$130.00", "$120.00") }));
    const result = await rewrite();
    expect(result).toMatchObject({ text: nudge().text, source: "template" });
    expect(result.rejectedBecause).toBe("missing:$130.00");
  });

  it("Should send the template when the model adds a threat", async () => {
    fake.script(() => ({ content: FRIENDLY.replace("Thank you!", "Pay or we go to court.") }));
    expect(await rewrite()).toMatchObject({ source: "template", rejectedBecause: "claim:legal" });
  });

  it("Should send the template when the model drops the opt-out line", async () => {
    fake.script(() => ({ content: FRIENDLY.replace(`\n${OPT_OUT.en}`, "") }));
    expect((await rewrite()).source).toBe("template");
  });

  it("Should send the template on HTTP 500", async () => {
    fake.script(() => ({ status: 500 }));
    const before = fake.requests.length;
    expect(await rewrite(nudge(), 3_000)).toMatchObject({
      source: "template",
      rejectedBecause: "LLM_FAILED",
    });
    expect(fake.requests.length - before).toBe(2);
  });

  it("Should send the template within the timeout when the server stalls for 10 s", async () => {
    fake.script(() => ({ stallMs: 10_000 }));
    const started = performance.now();
    const result = await rewrite();
    const elapsed = performance.now() - started;
    console.log(
      JSON.stringify({
        stall: "rewrite",
        timeoutMs: TEST_TIMEOUT_MS,
        elapsedMs: Math.round(elapsed),
      }),
    );
    expect(result).toMatchObject({
      text: nudge().text,
      source: "template",
      rejectedBecause: "LLM_TIMEOUT",
    });
    expect(elapsed).toBeLessThan(TEST_TIMEOUT_MS + 300);
  });

  it("Should send a faithful Chinese rewording and refuse a changed Chinese date", async () => {
    const zh = zhNudge();
    const faithful = zh.text.replace("Alex，您好", "Alex您好").replace("谢谢您", "非常感谢");
    fake.script(() => ({ content: faithful }));
    expect(await rewrite(zh)).toEqual({ text: faithful, source: "model" });
    fake.script(() => ({ content: faithful.replace("3月6日", "3月9日") }));
    expect(await rewrite(zh)).toMatchObject({ text: zh.text, source: "template" });
  });

  it("Should accept the template itself as a rewording", async () => {
    for (const n of [
      nudge(),
      zhNudge(),
      nudge({ kind: "pre_due" }),
      zhNudge({ kind: "broken_promise" }),
    ]) {
      fake.script(() => ({ content: n.text }));
      expect((await rewrite(n)).source).toBe("model");
    }
  });
});
