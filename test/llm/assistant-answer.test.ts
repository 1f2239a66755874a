// Unclear questions may get the model's answer from core tools; invented figures and stalls fall back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerPrompt } from "../../core/llm/index.ts";
import { scriptedLlm } from "../../core/llm/index.ts";
import { answerPrompts } from "../../prompts/llm/index.ts";
import { givenLateBorrower, says, taps, world } from "../core/assistant/builders.ts";
import { type FakeOpenAi, startFakeOpenAi } from "../fakes/openai/fake-openai-server.ts";
import { llmFor } from "./builders.ts";

const QUESTION = "what are these late fees about?";
const ANSWER_CHOICES = ["Balance", "Payment plan", "Talk to a person"];

type Figures = Readonly<Record<string, string>>;

/** The figure under the key ending in `suffix`, from one tool's result. */
function figure(result: unknown, suffix: string): string {
  const entry = Object.entries(result as Figures).find(([key]) => key.endsWith(suffix));
  if (entry === undefined) throw new Error(`no ${suffix} in ${JSON.stringify(result)}`);
  return entry[1];
}

/** A model that reads the loan state and fees, then explains with what they returned. */
async function explainFromTools(prompt: AnswerPrompt): Promise<string> {
  const state = await prompt.callTool("loan_state", {});
  const fees = await prompt.callTool("fees_charged", {});
  return (
    `You are ${figure(state, ".daysPastDue.text")} with ` +
    `${figure(state, ".overdue.total")} overdue; late fees of ` +
    `${figure(fees, ".lateFeesAndPenalties")} were added to the installment due ` +
    `${figure(fees, ".dueDate")}.`
  );
}

async function auditOf(w: ReturnType<typeof world>, borrowerId: string) {
  const entries = await w.store.audit.forSubject(`borrower:${borrowerId}`, 20);
  return entries.filter((entry) => entry.action === "assistant.model_answer");
}

async function rulesReply(text = QUESTION) {
  const w = world();
  const { borrower } = await givenLateBorrower(w.store);
  return says(w, borrower.id, text);
}

describe("the assistant answering unclear questions with tools", () => {
  it("Should send the model's answer, quoting tool figures, with the three choices", async () => {
    const llm = scriptedLlm({ answer: explainFromTools });
    const w = world({ answer: { llm, prompts: answerPrompts } });
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, QUESTION);
    expect(reply.text).toContain("$205.08");
    expect(reply.text).toMatch(/^You are 45 days past due with \$205\.08 overdue; late fees of \$/);
    expect(reply.choices.map((choice) => choice.label)).toEqual(ANSWER_CHOICES);
    expect(reply.handoff).toBe(false);
    expect((await auditOf(w, borrower.id)).map((entry) => entry.payload)).toEqual([
      { source: "model", channel: "telegram" },
    ]);
  });

  it("Should offer every tool onto core and give figures both formatted and as decimals", async () => {
    let seen: AnswerPrompt | undefined;
    let plans: unknown;
    const llm = scriptedLlm({
      answer: async (prompt) => {
        seen = prompt;
        plans = await prompt.callTool("plan_options", {});
        return "I am not sure; a person can help.";
      },
    });
    const w = world({ answer: { llm, prompts: answerPrompts } });
    const { borrower } = await givenLateBorrower(w.store);
    await says(w, borrower.id, QUESTION);
    expect(seen?.tools.map((tool) => tool.name)).toEqual([
      "loan_state",
      "installment_schedule",
      "fees_charged",
      "plan_options",
    ]);
    const state = (await seen!.callTool("loan_state", {})) as Figures;
    expect(figure(state, ".overdue.total")).toBe("$205.08");
    expect(figure(state, ".overdue.total.decimal")).toBe("205.08");
    expect(figure(plans, ".plan 1.kind")).toMatch(/catch-up|extended|hardship/);
  });

  it("Should fall back to the rules' reply when the answer invents a figure", async () => {
    const llm = scriptedLlm({
      answer: async (prompt) => `${await explainFromTools(prompt)} Your installment is $99.00.`,
    });
    const w = world({ answer: { llm, prompts: answerPrompts } });
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, QUESTION);
    expect(reply).toEqual(await rulesReply());
    const [entry] = await auditOf(w, borrower.id);
    expect(entry?.payload).toMatchObject({ source: "none" });
    expect(String(entry?.payload.rejectedBecause)).toMatch(/^figure:/);
  });

  it("Should fall back in time when the model stalls past the timeout", async () => {
    const llm = scriptedLlm({ answer: () => new Promise<string>(() => {}) });
    const w = world({ answer: { llm, prompts: answerPrompts, timeoutMs: 100 } });
    const { borrower } = await givenLateBorrower(w.store);
    const started = Date.now();
    const reply = await says(w, borrower.id, QUESTION);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(reply).toEqual(await rulesReply());
    expect((await auditOf(w, borrower.id))[0]?.payload).toMatchObject({
      source: "none",
      rejectedBecause: "LLM_TIMEOUT",
    });
  });

  it("Should fall back when the model fails", async () => {
    const llm = scriptedLlm({});
    const w = world({ answer: { llm, prompts: answerPrompts } });
    const { borrower } = await givenLateBorrower(w.store);
    expect(await says(w, borrower.id, QUESTION)).toEqual(await rulesReply());
  });

  it("Should not ask the model about symbols, garbled taps or what the rules understood", async () => {
    const llm = scriptedLlm({ answer: explainFromTools });
    const w = world({ answer: { llm, prompts: answerPrompts } });
    const { borrower } = await givenLateBorrower(w.store);
    expect(await says(w, borrower.id, "???")).toEqual(await rulesReply("???"));
    await taps(w, borrower.id, "plan:pick:no-such-plan");
    await says(w, borrower.id, "how much do I owe?");
    expect(llm.calls).toEqual([]);
    expect(await auditOf(w, borrower.id)).toEqual([]);
  });

  it("Should change nothing without the answer option", async () => {
    const w = world();
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, QUESTION);
    expect(reply.text).toBe("Sorry, I didn't quite catch that. Here's what I can help with:");
    expect(reply.choices).toHaveLength(4);
    expect(await auditOf(w, borrower.id)).toEqual([]);
  });
});

describe("the assistant answering with the openai SDK and a fake server", () => {
  let fake: FakeOpenAi;
  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({ status: 500 }));
  });
  afterAll(() => fake.close());

  it("Should send an answer built on a real tool call", async () => {
    fake.script((request) => {
      const tool = request.messages.find((message) => message.role === "tool");
      if (tool === undefined) return { toolCalls: [{ name: "loan_state", arguments: {} }] };
      const overdue = figure(JSON.parse(tool.content ?? "{}"), ".overdue.total");
      return { content: `You have ${overdue} overdue.` };
    });
    const w = world({ answer: { llm: llmFor(fake, 2_000), prompts: answerPrompts } });
    const { borrower } = await givenLateBorrower(w.store);
    const reply = await says(w, borrower.id, QUESTION);
    expect(reply.text).toBe("You have $205.08 overdue.");
    expect(reply.choices.map((choice) => choice.label)).toEqual(ANSWER_CHOICES);
  });

  it("Should fall back in time when the server stalls", async () => {
    fake.script(() => ({ stallMs: 10_000 }));
    const w = world({
      answer: { llm: llmFor(fake, 5_000), prompts: answerPrompts, timeoutMs: 300 },
    });
    const { borrower } = await givenLateBorrower(w.store);
    const started = Date.now();
    const reply = await says(w, borrower.id, QUESTION);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(reply).toEqual(await rulesReply());
  });
});
