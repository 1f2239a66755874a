// A linear intent model as plain data, and how it scores a message's features.
import type { IntentName } from "../types.ts";

/** The trained model as committed: JSON-safe, loaded without I/O. */
export interface LinearModel {
  /** How it was trained: "logistic" (multinomial logistic regression) or "naive-bayes". */
  readonly kind: "logistic" | "naive-bayes";
  readonly classes: readonly IntentName[];
  /** One per class, in `classes` order. */
  readonly bias: readonly number[];
  /** A feature's weight for each class, in `classes` order; a feature not listed weighs nothing. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  /** "l2": each present feature counts 1/sqrt(n), so long messages are not surer; "binary": 1. */
  readonly scaling: "l2" | "binary";
}

export interface Ranked {
  readonly intent: IntentName;
  /** The model's probability, 0..1; all of a message's sum to 1. */
  readonly probability: number;
}

/** A model ready to score: the weights in a Map, so a feature named "constructor" is just a key. */
export interface CompiledModel {
  readonly model: LinearModel;
  readonly weights: ReadonlyMap<string, readonly number[]>;
}

export function compileModel(model: LinearModel): CompiledModel {
  return { model, weights: new Map(Object.entries(model.weights)) };
}

/** Softmax over the raw scores, shifted by the largest so no exponent overflows. */
export function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(score - top));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

/** Every class with its probability, most likely first (ties keep the model's class order). */
export function rankIntents(compiled: CompiledModel, features: readonly string[]): Ranked[] {
  const { model, weights } = compiled;
  const scores = [...model.bias];
  const value = model.scaling === "l2" ? 1 / Math.sqrt(Math.max(1, features.length)) : 1;
  for (const feature of features) {
    const row = weights.get(feature);
    if (row === undefined) continue;
    for (let k = 0; k < scores.length; k += 1) scores[k]! += value * row[k]!;
  }
  return softmax(scores)
    .map((probability, k) => ({ intent: model.classes[k]!, probability }))
    .sort((a, b) => b.probability - a.probability);
}
