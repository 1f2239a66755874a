// Questions the rules cannot answer: the model picks tools, our code computes, the guard checks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerWithTools, type CoreTool } from "../../core/llm/index.ts";
import { answerPrompts } from "../../prompts/llm/index.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/openai/fake-openai-server.ts";
import { LENDER, llmFor } from "./builders.ts";

const QUESTION = "why did my balance go up?";

// A stand-in for core state: figures formatted as the assistant would show them.
const fees: CoreTool = {
  name: "fees_charged",
  description: "Late fees and charges on the loan, with the dates they were charged.",
  parameters: { type: "object", properties: {}, additionalProperties: false },
  run: async () => ({ lateFee: "$15.00", chargedOn: "March 18", balance: "$1,065.08" }),
};

const EXPLAINED = "Your balance is $1,065.08 because a late fee of $15.00 was charged on March 18.";

describe("answerWithTools with the openai SDK and a fake server", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({ status: 500 }));
  });
  afterAll(() => fake.close());

  const ask = () =>
    answerWithTools(QUESTION, {
      llm: llmFor(fake, 2_000),
      prompts: answerPrompts,
      tools: [fees],
      lenderName: LENDER,
      locale: "en",
    });

  function toolThen(finalText: string) {
    fake.script((request) =>
      request.messages.some((message) => message.role === "tool")
        ? { content: finalText }
        : { toolCalls: [{ name: "fees_charged", arguments: {} }] },
    );
  }

  it("Should answer with figures the tools returned", async () => {
    toolThen(EXPLAINED);
    expect(await ask()).toEqual({ text: EXPLAINED, source: "model" });
    const last = fake.requests.at(-1)!;
    expect(last.tools?.[0]?.function.name).toBe("fees_charged");
    expect(last.messages.find((m) => m.role === "tool")?.content).toContain("$15.00");
  });

  it("Should refuse an answer with a figure no tool returned", async () => {
    toolThen(EXPLAINED.replace("$15.00", "$25.00"));
    expect(await ask()).toMatchObject({ source: "none", rejectedBecause: "figure:$" });
  });

  it("Should refuse an answer that makes a promise the core did not", async () => {
    toolThen(`${EXPLAINED} We can waive it this time.`);
    expect(await ask()).toMatchObject({ source: "none", rejectedBecause: "claim:concession" });
  });

  it("Should refuse an answer given without calling a tool if it quotes figures", async () => {
    fake.script(() => ({ content: "Your balance went up by $40.00." }));
    expect((await ask()).source).toBe("none");
  });

  it("Should say none when the server fails", async () => {
    fake.script(() => ({ status: 500 }));
    expect(await ask()).toMatchObject({ source: "none", rejectedBecause: "LLM_FAILED" });
  });
});
