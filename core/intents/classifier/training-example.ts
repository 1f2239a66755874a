// One labelled message as the trainers see it: its features and its intent.
import type { IntentName } from "../types.ts";

export interface TrainingExample {
  readonly features: readonly string[];
  readonly intent: IntentName;
}

/** The classes that occur, in INTENT_NAMES order, and every feature once, sorted. */
export function vocabulary(
  examples: readonly TrainingExample[],
  order: readonly IntentName[],
): { classes: IntentName[]; features: string[] } {
  const seen = new Set(examples.map((example) => example.intent));
  const features = new Set<string>();
  for (const example of examples) for (const feature of example.features) features.add(feature);
  return {
    classes: order.filter((intent) => seen.has(intent)),
    features: [...features].sort(),
  };
}

/** Rounds a weight for storage: a fixed number of decimals keeps the committed model stable. */
export function stored(weight: number, decimals = 4): number {
  const factor = 10 ** decimals;
  const rounded = Math.round(weight * factor) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}
