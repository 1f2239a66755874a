// `npm run train:intents`: trains the intent classifier from the corpus and writes the committed model.
import { writeFileSync } from "node:fs";
import { serialiseModel, trainIntentModel } from "../../core/intents/classifier/index.ts";
import { MODEL_PATH, TRAINING_FILES, trainingCorpus } from "./intent-corpus.ts";

const corpus = trainingCorpus();
const model = trainIntentModel(corpus);
writeFileSync(MODEL_PATH, serialiseModel(model));
console.log(
  JSON.stringify({
    trainedOn: TRAINING_FILES,
    messages: corpus.length,
    kind: model.kind,
    classes: model.classes.length,
    features: Object.keys(model.weights).length,
  }),
);
