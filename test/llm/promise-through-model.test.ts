// A promise the model reads keeps the borrower's amount, as the rules path does: "50 on Friday" is 50.00.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { understandWithLlm } from "../../core/llm/index.ts";
import { formatMoney } from "../../core/money/decimal.ts";
import { givenLateBorrower, says, world } from "../core/assistant/builders.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/openai/fake-openai-server.ts";
import { classifyPrompts, llmFor, modelSays } from "./builders.ts";

const FRIDAY = "2026-04-03";

describe("a promise to pay read by the model", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({
      json: modelSays("promise_to_pay", { date: FRIDAY, amount: "50" }),
    }));
  });
  afterAll(() => fake.close());

  it("Should record 50.00 through the model, as the rules path does for 'I'll pay 50 on Friday'", async () => {
    const rulesOnly = world();
    const { borrower: other } = await givenLateBorrower(rulesOnly.store);
    await says(rulesOnly, other.id, "I'll pay 50 on Friday");
    const byRules = await rulesOnly.store.contact.promises(other.id);
    expect(byRules.map((p) => [formatMoney(p.amount), p.promisedFor])).toEqual([["50.00", FRIDAY]]);

    const w = world({
      understand: understandWithLlm({ llm: llmFor(fake), prompts: classifyPrompts }),
    });
    const { borrower } = await givenLateBorrower(w.store);
    const before = fake.requests.length;
    await says(w, borrower.id, "ill get u 50 fri");
    expect(fake.requests.length).toBe(before + 1);
    const byModel = await w.store.contact.promises(borrower.id);
    expect(byModel.map((p) => [formatMoney(p.amount), p.promisedFor])).toEqual([["50.00", FRIDAY]]);
  });
});
