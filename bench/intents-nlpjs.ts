// The comparison the classifier was chosen by: NLP.js (@nlpjs/nlp, lang-en, lang-zh) on the same corpus and held-out files.
//   npm run report:intents:nlpjs
import { existsSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
// @ts-expect-error NLP.js ships no type declarations.
import { containerBootstrap } from "@nlpjs/core";
// @ts-expect-error NLP.js ships no type declarations.
import { LangEn } from "@nlpjs/lang-en";
// @ts-expect-error NLP.js ships no type declarations.
import { LangZh } from "@nlpjs/lang-zh";
// @ts-expect-error NLP.js ships no type declarations.
import { Nlp } from "@nlpjs/nlp";
import {
  CORPUS_DIR,
  HELD_OUT_FILES,
  readCorpus,
  trainingCorpus,
} from "../bots/cli/intent-corpus.ts";
import type { Ranked } from "../core/intents/classifier/linear-model.ts";
import { detectLanguage, type IntentName, isIntentName } from "../core/intents/index.ts";
import { localReader } from "../core/intents/understand-locally.ts";
import { type Reader, score } from "./lib/intent-scores.ts";

interface Classification {
  intent: string;
  score: number;
}
interface NlpResult {
  intent: string;
  score: number;
  classifications?: Classification[];
}

const nlpLanguage = (text: string, locale: "en" | "zh-CN") =>
  detectLanguage(text, locale) === "zh-CN" ? "zh" : "en";

// NLP.js reports on stdout ("contains only stop words"); the report owns stdout, so it goes to stderr.
const print = console.log;
console.log = (...parts: unknown[]) => process.stderr.write(`${parts.join(" ")}\n`);

const container = await containerBootstrap();
container.use(Nlp);
container.use(LangEn);
container.use(LangZh);
const nlp = container.get("nlp");
nlp.settings.autoSave = false;
nlp.settings.log = false;
nlp.addLanguage("en");
nlp.addLanguage("zh");
const corpus = trainingCorpus();
for (const line of corpus)
  nlp.addDocument(nlpLanguage(line.text, line.locale), line.text, line.intent);
const trainStarted = performance.now();
await nlp.train();
const trainMs = Math.round(performance.now() - trainStarted);

/** NLP.js's ranking as the blend reads it; "None" (below its own threshold) is our "unknown". */
function ranking(result: NlpResult): Ranked[] {
  const entries = result.classifications ?? [{ intent: result.intent, score: result.score }];
  return entries
    .map((entry) => ({
      intent: (isIntentName(entry.intent) ? entry.intent : "unknown") as IntentName,
      probability: entry.score,
    }))
    .sort((a, b) => b.probability - a.probability);
}

const heldOut = [];
for (const file of HELD_OUT_FILES.filter((name) => existsSync(join(CORPUS_DIR, name)))) {
  const lines = readCorpus(file);
  const results = new Map<string, NlpResult>();
  const started = performance.now();
  for (const line of lines) {
    results.set(line.text, await nlp.process(nlpLanguage(line.text, line.locale), line.text));
  }
  const msPerMessage = Math.round(((performance.now() - started) / lines.length) * 10_000) / 10_000;
  const alone: Reader = (text, context) => {
    const top = ranking(results.get(text)!)[0]!;
    const intent = top.intent;
    return { intent, confidence: top.probability, language: context.locale, entities: {} };
  };
  // The blend only needs a ranking for the message in hand: NLP.js's, computed above.
  let current = "";
  const blended = localReader(() => ranking(results.get(current)!));
  const withRules: Reader = (text, context) => {
    current = text;
    return blended(text, context);
  };
  const { misses: _a, ...nlpjs } = score(alone, lines);
  const { misses: _b, ...rulesPlusNlpjs } = score(withRules, lines);
  heldOut.push({ file, nlpjs: { ...nlpjs, msPerMessage }, "rules+nlpjs": rulesPlusNlpjs });
}
print(JSON.stringify({ trainedOn: corpus.length, trainMs, heldOut }, null, 2));
