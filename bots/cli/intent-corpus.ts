// The intent corpus files: which train the classifier, which are held out, and how to read them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { LabelledText } from "../../core/intents/classifier/index.ts";
import { isIntentName, isLanguage } from "../../core/intents/index.ts";

export const CORPUS_DIR = join(import.meta.dirname, "..", "..", "test", "fixtures", "intents");

/**
 * What the classifier learns from: the rules' tuning set, messages written as borrowers write
 * (two files), small talk and off-topic messages that name no intent ("unknown"), and
 * questions a lesson answers ("learn").
 */
export const TRAINING_FILES = [
  "labelled.jsonl",
  "casual.jsonl",
  "casual-more.jsonl",
  "small-talk.jsonl",
  "learn.jsonl",
] as const;

/**
 * Never trained on: the first held-out set, two sets of casual messages, each written after
 * the model of its day was frozen, and learning questions written before "learn" was trained.
 */
export const HELD_OUT_FILES = [
  "held-out.jsonl",
  "held-out-casual.jsonl",
  "held-out-casual-2.jsonl",
  "held-out-learn.jsonl",
] as const;

export const MODEL_PATH = join(
  import.meta.dirname,
  "..",
  "..",
  "core",
  "intents",
  "classifier",
  "intent-model.json",
);

export interface CorpusLine extends LabelledText {
  readonly date?: string;
  readonly amount?: string;
  readonly zone?: string;
}

/** Reads one JSONL file; a bad line is an error naming the file and line, never skipped. */
export function readCorpus(file: string): CorpusLine[] {
  const lines = readFileSync(join(CORPUS_DIR, file), "utf8").split("\n");
  return lines.flatMap((line, i) => {
    if (line.trim() === "") return [];
    const value = JSON.parse(line) as Partial<CorpusLine>;
    if (
      typeof value.text !== "string" ||
      !isLanguage(value.locale) ||
      !isIntentName(value.intent)
    ) {
      throw new Error(`${file}:${i + 1}: needs "text", a known "locale" and a known "intent"`);
    }
    return [value as CorpusLine];
  });
}

export function trainingCorpus(): CorpusLine[] {
  return TRAINING_FILES.flatMap((file) => readCorpus(file));
}
