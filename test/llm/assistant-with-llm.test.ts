// The assistant awaits an LLM-backed understand; a model that fails costs the borrower nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { understandWithLlm } from "../../core/llm/index.ts";
import { givenLateBorrower, says, world } from "../core/assistant/builders.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/openai/fake-openai-server.ts";
import { classifyPrompts, llmFor, modelSays } from "./builders.ts";

const UNCLEAR = "my wallet got stolen last week, what now";

describe("the assistant with an LLM fallback", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({ json: modelSays("human_agent") }));
  });
  afterAll(() => fake.close());

  const assistantWorld = () =>
    world({ understand: understandWithLlm({ llm: llmFor(fake), prompts: classifyPrompts }) });

  it("Should route on the model's intent when the rules cannot read the message", async () => {
    const w = assistantWorld();
    const { borrower } = await givenLateBorrower(w.store);
    const rulesOnly = world();
    const { borrower: other } = await givenLateBorrower(rulesOnly.store);
    fake.script(() => ({ json: modelSays("human_agent") }));
    const reply = await says(w, borrower.id, UNCLEAR);
    expect(reply.handoff).toBe(true);
    expect((await says(rulesOnly, other.id, UNCLEAR)).handoff).toBe(false);
  });

  it("Should answer as the rules would when the model stalls", async () => {
    const w = assistantWorld();
    const { borrower } = await givenLateBorrower(w.store);
    const rulesOnly = world();
    const { borrower: other } = await givenLateBorrower(rulesOnly.store);
    fake.script(() => ({ stallMs: 10_000 }));
    const reply = await says(w, borrower.id, UNCLEAR);
    expect(reply.text).toBe((await says(rulesOnly, other.id, UNCLEAR)).text);
  });
});
