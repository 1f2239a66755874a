// Multinomial logistic regression by seeded stochastic gradient descent: a message's features to intent odds.
import { INTENT_NAMES } from "../types.ts";
import type { LinearModel } from "./linear-model.ts";
import { softmax } from "./linear-model.ts";
import { seededRandom, shuffle } from "./seeded-random.ts";
import { stored, type TrainingExample, vocabulary } from "./training-example.ts";

export interface LogisticOptions {
  /** The shuffle seed; the same seed and examples give the same model, byte for byte. */
  readonly seed: number;
  readonly epochs: number;
  /** The first epoch's step; later epochs step smaller (rate / (1 + epoch * decay)). */
  readonly rate: number;
  readonly decay: number;
  /** L2 penalty per step on the weights a message touches. */
  readonly l2: number;
}

export const DEFAULT_LOGISTIC_OPTIONS: LogisticOptions = {
  seed: 20_260_304,
  epochs: 60,
  rate: 1,
  decay: 0.05,
  l2: 0.0002,
};

/**
 * Fits one weight per feature and class. Each message's present features count 1/sqrt(n).
 * Weights are stored rounded to 4 decimals; a feature whose weights all round to 0 is dropped.
 */
export function trainLogistic(
  examples: readonly TrainingExample[],
  options: LogisticOptions = DEFAULT_LOGISTIC_OPTIONS,
): LinearModel {
  const { classes, features } = vocabulary(examples, INTENT_NAMES);
  const k = classes.length;
  const index = new Map(features.map((feature, i) => [feature, i]));
  const weights = new Float64Array(features.length * k);
  const bias = new Float64Array(k);
  const rows = examples.map((example) => ({
    columns: example.features.map((feature) => index.get(feature)!),
    label: classes.indexOf(example.intent),
  }));
  const random = seededRandom(options.seed);
  const order = rows.map((_, i) => i);

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const rate = options.rate / (1 + epoch * options.decay);
    for (const i of shuffle(order, random)) {
      const { columns, label } = rows[i]!;
      const value = 1 / Math.sqrt(Math.max(1, columns.length));
      const scores = Array.from(bias);
      for (const column of columns) {
        for (let c = 0; c < k; c += 1) scores[c]! += value * weights[column * k + c]!;
      }
      const probabilities = softmax(scores);
      for (let c = 0; c < k; c += 1) {
        const gradient = probabilities[c]! - (c === label ? 1 : 0);
        bias[c]! -= rate * gradient;
        for (const column of columns) {
          const at = column * k + c;
          weights[at]! -= rate * (value * gradient + options.l2 * weights[at]!);
        }
      }
    }
  }

  const kept: Record<string, number[]> = {};
  features.forEach((feature, i) => {
    const row = Array.from(weights.subarray(i * k, (i + 1) * k), (weight) => stored(weight));
    if (row.some((weight) => weight !== 0)) kept[feature] = row;
  });
  return {
    kind: "logistic",
    classes,
    bias: Array.from(bias, (weight) => stored(weight)),
    weights: kept,
    scaling: "l2",
  };
}
