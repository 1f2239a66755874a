// Which language a message is written in: Han characters mean zh-CN, Latin letters mean en.
import type { Language } from "./types.ts";

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * Any Han character makes the message zh-CN (borrowers mix in "OK" or "STOP" freely); Latin
 * letters alone make it en. Texts with neither ("?", "5", emoji, or a script we do not answer
 * in such as Arabic) keep the borrower's own locale.
 */
export function detectLanguage(text: string, fallback: Language): Language {
  if (HAN.test(text)) return "zh-CN";
  if (LATIN.test(text)) return "en";
  return fallback;
}
