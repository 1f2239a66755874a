// Accuracy of the rules alone and of rules + a fake model (right on some, wrong or garbage on others).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTENT_NAMES, type Understanding, understand } from "../../core/intents/index.ts";
import { type UnderstandingDecision, understandWithLlm } from "../../core/llm/index.ts";
import type { LabelledUtterance } from "../core/intents/builders.ts";
import {
  type FakeAnswer,
  type FakeOpenAi,
  startFakeOpenAi,
} from "../fakes/openai/fake-openai-server.ts";
import {
  classifyPrompts,
  contextFor,
  llmFor,
  messageIn,
  modelSays,
  readLabelled,
} from "./builders.ts";

type Reader = (text: string, utterance: LabelledUtterance) => Promise<Understanding>;

function contextOf(utterance: LabelledUtterance) {
  return contextFor(
    utterance.locale,
    utterance.zone === undefined ? {} : { timeZone: utterance.zone },
  );
}

async function accuracy(utterances: readonly LabelledUtterance[], read: Reader) {
  let right = 0;
  for (const utterance of utterances) {
    const result = await read(utterance.text, utterance);
    if (result.intent === utterance.intent) right += 1;
  }
  return Math.round((right / utterances.length) * 1000) / 1000;
}

/** The fake model's behaviour for the n-th distinct message it is asked about. */
type Behaviour = "right" | "malformed" | "invented-intent" | "wrong";
const MIXED: readonly Behaviour[] = ["right", "malformed", "right", "wrong", "invented-intent"];

function answerFor(utterance: LabelledUtterance, behaviour: Behaviour): FakeAnswer {
  const language = utterance.locale;
  switch (behaviour) {
    case "right":
      return {
        json: modelSays(utterance.intent, {
          language,
          date: utterance.date ?? null,
          amount: utterance.amount ?? null,
        }),
      };
    case "malformed":
      return { content: `{"intent": "${utterance.intent}", "language": ` };
    case "invented-intent":
      return { json: modelSays("ask_about_balance", { language }) };
    case "wrong": {
      const others = INTENT_NAMES.filter((name) => name !== utterance.intent && name !== "unknown");
      return { json: modelSays(others[utterance.text.length % others.length]!, { language }) };
    }
  }
}

describe("intent accuracy: rules alone and rules + model fallback", () => {
  let fake: FakeOpenAi;
  const fixtures = {
    labelled: readLabelled("labelled.jsonl"),
    "held-out": readLabelled("held-out.jsonl"),
  };
  const byText = new Map(
    Object.values(fixtures)
      .flat()
      .map((u) => [u.text, u]),
  );

  beforeAll(async () => {
    fake = await startFakeOpenAi(() => ({ status: 500 }));
  });
  afterAll(() => fake.close());

  function withModel(behaviours: readonly Behaviour[]) {
    const seen = new Map<string, number>();
    fake.script((request) => {
      const text = messageIn(request);
      const utterance = byText.get(text);
      if (utterance === undefined) return { status: 500 };
      if (!seen.has(text)) seen.set(text, seen.size);
      return answerFor(utterance, behaviours[seen.get(text)! % behaviours.length]!);
    });
    const decisions: UnderstandingDecision[] = [];
    const read = understandWithLlm({
      llm: llmFor(fake, 2_000),
      prompts: classifyPrompts,
      onDecision: (decision) => decisions.push(decision),
    });
    return { decisions, read: ((text, utterance) => read(text, contextOf(utterance))) as Reader };
  }

  for (const [name, utterances] of Object.entries(fixtures)) {
    it(`Should not do worse than the rules on ${name} with a partly wrong model, and better with a right one`, async () => {
      const rules = await accuracy(utterances, async (text, u) => understand(text, contextOf(u)));
      const mixed = withModel(MIXED);
      const withMixed = await accuracy(utterances, mixed.read);
      const oracle = withModel(["right"]);
      const withOracle = await accuracy(utterances, oracle.read);
      const asked = mixed.decisions.filter((d) => d.asked).length;
      const taken = mixed.decisions.filter((d) => d.source === "model").length;
      console.log(
        JSON.stringify({
          fixture: name,
          n: utterances.length,
          rules,
          rulesPlusMixedModel: withMixed,
          rulesPlusRightModel: withOracle,
          askedModel: asked,
          modelAnswersTaken: taken,
          mixedModel:
            "per asked message cycles right, malformed JSON, right, wrong intent, invented intent",
        }),
      );
      expect(withOracle).toBeGreaterThanOrEqual(rules);
      expect(withMixed).toBeGreaterThanOrEqual(rules - 0.02);
    });
  }
});
