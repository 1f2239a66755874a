// The trained classifier: reproducible from its corpus, the committed model is that training's output.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HELD_OUT_FILES, MODEL_PATH, trainingCorpus } from "../../../bots/cli/intent-corpus.ts";
import { textFeatures } from "../../../core/intents/classifier/features.ts";
import { compileModel, rankIntents } from "../../../core/intents/classifier/linear-model.ts";
import {
  serialiseModel,
  trainIntentModel,
} from "../../../core/intents/classifier/train-intent-model.ts";
import { DEFAULT_LOGISTIC_OPTIONS } from "../../../core/intents/classifier/train-logistic.ts";
import { readLabelled } from "./builders.ts";

describe("training the intent classifier", () => {
  const corpus = trainingCorpus();
  const first = serialiseModel(trainIntentModel(corpus));

  it("Should give the same model, byte for byte, when trained twice on the same corpus", () => {
    expect(serialiseModel(trainIntentModel(corpus))).toBe(first);
  });

  it("Should have committed exactly the model the corpus trains (run npm run train:intents)", () => {
    expect(readFileSync(MODEL_PATH, "utf8")).toBe(first);
  });

  it("Should depend on the seed, so the seed is what makes it reproducible", () => {
    const reseeded = trainIntentModel(corpus, "logistic", { ...DEFAULT_LOGISTIC_OPTIONS, seed: 7 });
    expect(serialiseModel(reseeded)).not.toBe(first);
  });

  it("Should give naive Bayes the same way every time too", () => {
    const once = serialiseModel(trainIntentModel(corpus, "naive-bayes"));
    expect(serialiseModel(trainIntentModel(corpus, "naive-bayes"))).toBe(once);
  });

  it("Should never train on a held-out message", () => {
    const trained = new Set(corpus.map((line) => line.text.toLowerCase()));
    for (const file of HELD_OUT_FILES) {
      const leaked = readLabelled(file).filter((line) => trained.has(line.text.toLowerCase()));
      expect(leaked.map((line) => line.text)).toEqual([]);
    }
  });

  it("Should rank every intent with probabilities that sum to 1", () => {
    const model = compileModel(trainIntentModel(corpus.slice(0, 120)));
    const ranked = rankIntents(model, textFeatures("how much do i owe"));
    const total = ranked.reduce((sum, entry) => sum + entry.probability, 0);
    expect(total).toBeCloseTo(1, 9);
    expect(ranked[0]!.probability).toBeGreaterThanOrEqual(ranked.at(-1)!.probability);
  });
});

describe("what the classifier reads", () => {
  it("Should read Chinese as words (Intl.Segmenter), characters and character pairs", () => {
    const features = textFeatures("能不能分期");
    expect(features).toEqual(expect.arrayContaining(["z:能不能", "z:分期", "h:分", "hh:分期"]));
  });

  it("Should read English as words, word pairs and letter n-grams that carry typos", () => {
    const features = textFeatures("balanse pls");
    expect(features).toEqual(expect.arrayContaining(["w:balanse", "b:^ balanse", "c:bala"]));
  });

  it("Should read the marks left for dates and amounts in either script", () => {
    expect(textFeatures("ill pay _date_")).toContain("w:_date_");
    expect(textFeatures("我_date_还_amount_")).toEqual(
      expect.arrayContaining(["w:_date_", "w:_amount_"]),
    );
  });
});
