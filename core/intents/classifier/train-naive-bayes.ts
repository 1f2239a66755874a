// Multinomial naive Bayes over present features, written as a linear model so it scores the same way.
import { INTENT_NAMES } from "../types.ts";
import type { LinearModel } from "./linear-model.ts";
import { stored, type TrainingExample, vocabulary } from "./training-example.ts";

/** Add-alpha smoothing: a feature never seen with a class is unlikely there, not impossible. */
export const DEFAULT_NAIVE_BAYES_ALPHA = 0.3;

/** Weight = log P(feature | class), bias = log P(class); no randomness, so no seed. */
export function trainNaiveBayes(
  examples: readonly TrainingExample[],
  alpha = DEFAULT_NAIVE_BAYES_ALPHA,
): LinearModel {
  const { classes, features } = vocabulary(examples, INTENT_NAMES);
  const k = classes.length;
  const counts = new Map(features.map((feature) => [feature, new Array<number>(k).fill(0)]));
  const totals = new Array<number>(k).fill(0);
  const documents = new Array<number>(k).fill(0);
  for (const example of examples) {
    const c = classes.indexOf(example.intent);
    documents[c]! += 1;
    for (const feature of example.features) {
      counts.get(feature)![c]! += 1;
      totals[c]! += 1;
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [feature, row] of counts) {
    weights[feature] = row.map((count, c) =>
      stored(Math.log((count + alpha) / (totals[c]! + alpha * features.length))),
    );
  }
  return {
    kind: "naive-bayes",
    classes,
    bias: documents.map((count) => stored(Math.log(count / examples.length))),
    weights,
    scaling: "binary",
  };
}
