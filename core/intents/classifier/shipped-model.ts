// The trained model committed as data (intent-model.json, from `npm run train:intents`), ready to score.
import shipped from "./intent-model.json" with { type: "json" };
import { compileModel, type LinearModel, type Ranked, rankIntents } from "./linear-model.ts";

const MODEL = compileModel(shipped as LinearModel);

/** The shipped model's ranking of every intent for a message's features. */
export function rankWithShippedModel(features: readonly string[]): Ranked[] {
  return rankIntents(MODEL, features);
}
