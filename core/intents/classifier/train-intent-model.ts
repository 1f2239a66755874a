// From a labelled corpus to a committed model: analyse each message as at decision time, then fit.
import { analyse } from "../analyse.ts";
import type { IntentName, Language } from "../types.ts";
import { textFeatures } from "./features.ts";
import type { LinearModel } from "./linear-model.ts";
import { DEFAULT_LOGISTIC_OPTIONS, type LogisticOptions, trainLogistic } from "./train-logistic.ts";
import { trainNaiveBayes } from "./train-naive-bayes.ts";
import type { TrainingExample } from "./training-example.ts";

export interface LabelledText {
  readonly text: string;
  readonly locale: Language;
  readonly intent: IntentName;
}

// Features do not depend on the instant or zone: dates are marked, not resolved, before reading.
const CONTEXT_ZONE = "UTC";
const CONTEXT_NOW = "2026-01-01T00:00:00Z";

/** The features a message has at decision time, from its normalised, marked text. */
export function examplesOf(corpus: readonly LabelledText[]): TrainingExample[] {
  return corpus.map(({ text, locale, intent }) => ({
    features: textFeatures(
      analyse(text, { locale, timeZone: CONTEXT_ZONE, now: CONTEXT_NOW }).marked,
    ),
    intent,
  }));
}

export type ModelKind = LinearModel["kind"];

/** Trains the chosen kind; pure and deterministic, so the same corpus gives the same model. */
export function trainIntentModel(
  corpus: readonly LabelledText[],
  kind: ModelKind = "logistic",
  options: LogisticOptions = DEFAULT_LOGISTIC_OPTIONS,
): LinearModel {
  const examples = examplesOf(corpus);
  return kind === "logistic" ? trainLogistic(examples, options) : trainNaiveBayes(examples);
}

/** The model as committed: one feature per line, features sorted, so a retrain diffs readably. */
export function serialiseModel(model: LinearModel): string {
  const head = {
    kind: model.kind,
    scaling: model.scaling,
    classes: model.classes,
    bias: model.bias,
  };
  const lines = Object.keys(model.weights)
    .sort()
    .map((feature) => `    ${JSON.stringify(feature)}: ${JSON.stringify(model.weights[feature])}`);
  const open = JSON.stringify(head).slice(0, -1);
  return `${open},\n  "weights": {\n${lines.join(",\n")}\n  }\n}\n`;
}
