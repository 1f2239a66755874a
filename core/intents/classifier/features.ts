// What the classifier sees of a message: English words, word pairs and letter n-grams, Chinese words and characters.
import { chineseView, englishView } from "../normalise.ts";

/** The one feature of a message with no words in either script: "?", "👍". */
export const NO_FEATURES = "empty";

const HAN_RUN = /\p{Script=Han}+/gu;
// A word segmenter is a pure object; building one per message would cost more than the message.
const chineseWords = new Intl.Segmenter("zh", { granularity: "word" });

/** Letter n-grams carry misspellings ("balanse") and word forms ("paying") to known words. */
const LETTER_GRAMS = [3, 4] as const;

function englishFeatures(marked: string, into: Set<string>): void {
  const tokens = englishView(marked)
    .split(" ")
    .filter((token) => token !== "" && token !== "_x_");
  let previous = "^";
  for (const token of tokens) {
    if (token === "|") {
      previous = "|";
      continue;
    }
    into.add(`w:${token}`);
    into.add(`b:${previous} ${token}`);
    previous = token;
    if (token.startsWith("_")) continue;
    const padded = `<${token}>`;
    for (const n of LETTER_GRAMS) {
      for (let i = 0; i + n <= padded.length; i += 1) into.add(`c:${padded.slice(i, i + n)}`);
    }
  }
  if (previous !== "^") into.add(`b:${previous} $`);
}

function chineseFeatures(marked: string, into: Set<string>): void {
  const view = chineseView(marked);
  for (const [run] of view.matchAll(HAN_RUN)) {
    for (const { segment } of chineseWords.segment(run)) into.add(`z:${segment}`);
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i += 1) {
      into.add(`h:${chars[i]}`);
      if (i + 1 < chars.length) into.add(`hh:${chars[i]}${chars[i + 1]}`);
    }
  }
  if (view.includes("_date_")) into.add("w:_date_");
  if (view.includes("_amount_")) into.add("w:_amount_");
}

/**
 * The features of a message already normalised, with dates and amounts marked ("_date_",
 * "_amount_"), each counted once. Both scripts are read: borrowers mix them.
 * @example textFeatures("ill pay _date_") // ["w:ill", "b:^ ill", "c:<il", ..., "w:_date_", ...]
 */
export function textFeatures(marked: string): string[] {
  const features = new Set<string>();
  englishFeatures(marked, features);
  chineseFeatures(marked, features);
  if (features.size === 0) features.add(NO_FEATURES);
  return [...features];
}
