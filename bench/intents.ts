// Intent understanding report: rules alone, and rules + each trained classifier, on every held-out file.
//   npm run report:intents              the report (JSON)
//   npm run report:intents -- --misses  with every miss of the shipped reader
//   npm run report:intents -- --confusions  with the shipped reader's misses counted by kind, no messages
//   npm run report:intents -- --cv      5-fold cross-validation on the training corpus (for tuning)
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  CORPUS_DIR,
  type CorpusLine,
  HELD_OUT_FILES,
  readCorpus,
  trainingCorpus,
} from "../bots/cli/intent-corpus.ts";
import { compileModel, rankIntents } from "../core/intents/classifier/linear-model.ts";
import { type ModelKind, trainIntentModel } from "../core/intents/classifier/train-intent-model.ts";
import { understand } from "../core/intents/index.ts";
import { localReader, understandLocally } from "../core/intents/understand-locally.ts";
import { confusionClasses, msPerMessage, type Reader, score } from "./lib/intent-scores.ts";

const { values } = parseArgs({
  options: {
    misses: { type: "boolean", default: false },
    confusions: { type: "boolean", default: false },
    cv: { type: "boolean", default: false },
  },
});

function trainedReader(corpus: readonly CorpusLine[], kind: ModelKind): Reader {
  const compiled = compileModel(trainIntentModel(corpus, kind));
  return localReader((features) => rankIntents(compiled, features));
}

function crossValidate(kind: ModelKind, folds = 5) {
  const corpus = trainingCorpus();
  const predictions: { line: CorpusLine; read: Reader }[] = [];
  for (let fold = 0; fold < folds; fold += 1) {
    const read = trainedReader(
      corpus.filter((_, i) => i % folds !== fold),
      kind,
    );
    for (const line of corpus.filter((_, i) => i % folds === fold))
      predictions.push({ line, read });
  }
  // Each line is read by the model that did not see it.
  const byLine = new Map(predictions.map(({ line, read }) => [line, read]));
  const lines = predictions.map(({ line }) => line);
  const { misses, ...scores } = score((text, context) => {
    const line = lines.find((candidate) => candidate.text === text)!;
    return byLine.get(line)!(text, context);
  }, lines);
  if (values.misses) return { ...scores, misses };
  return values.confusions ? { ...scores, confusions: confusionClasses(misses) } : scores;
}

if (values.cv) {
  console.log(
    JSON.stringify(
      {
        crossValidation: {
          folds: 5,
          logistic: crossValidate("logistic"),
          naiveBayes: crossValidate("naive-bayes"),
        },
      },
      null,
      2,
    ),
  );
} else {
  const corpus = trainingCorpus();
  const readers: Record<string, Reader> = {
    rules: understand,
    "rules+logistic (shipped)": understandLocally,
    "rules+naive-bayes": trainedReader(corpus, "naive-bayes"),
  };
  const files = HELD_OUT_FILES.filter((file) => existsSync(join(CORPUS_DIR, file)));
  const report = files.map((file) => {
    const lines = readCorpus(file);
    const results = Object.fromEntries(
      Object.entries(readers).map(([name, read]) => {
        const { misses, ...scores } = score(read, lines);
        const shipped = name === "rules+logistic (shipped)";
        return [
          name,
          {
            ...scores,
            msPerMessage: msPerMessage(read, lines),
            ...(values.misses && shipped ? { misses } : {}),
            ...(values.confusions && shipped ? { confusions: confusionClasses(misses) } : {}),
          },
        ];
      }),
    );
    return { file, ...results };
  });
  console.log(JSON.stringify({ trainedOn: corpus.length, heldOut: report }, null, 2));
}
