// Scripted models for the simulator: one that rewords faithfully, one that now and then strays.
import { type Llm, scriptedLlm } from "../../../core/llm/index.ts";

export const LLM_SCRIPTS = ["faithful", "numbers"] as const;
export type LlmScriptName = (typeof LLM_SCRIPTS)[number];

const GREETING: Readonly<Record<string, string>> = {
  en: "A friendly note from us:",
  zh: "温馨提示：",
};

/** Adds a warm opening line; every fact, and the opt-out line, stay exactly where they were. */
function warmer(text: string): string {
  const greeting = /\p{Script=Han}/u.test(text) ? GREETING.zh : GREETING.en;
  return `${greeting}\n${text}`;
}

/** Changes the `which`-th run of digits (0: the first, usually an amount; 1: the next, often a date). */
function changeFigure(text: string, which: number): string {
  let seen = -1;
  return text.replace(/\d+/g, (digits) => {
    seen++;
    if (seen !== which) return digits;
    const last = Number(digits.at(-1));
    return `${digits.slice(0, -1)}${(last + 1) % 10}`;
  });
}

function threaten(text: string): string {
  const lines = text.split("\n");
  const threat = /\p{Script=Han}/u.test(text)
    ? "否则后果自负。"
    : "This is your last chance before consequences.";
  lines.splice(lines.length - 1, 0, threat);
  return lines.join("\n");
}

function dropOptOut(text: string): string {
  return text.split("\n").slice(0, -1).join("\n");
}

/**
 * How the "numbers" model strays on its `n`-th rewrite (1-based), deterministically: every 4th
 * changes a figure (an amount, then a date, in turn), every 9th adds a threat, every 10th drops
 * the opt-out line; the rest only reword for tone.
 */
export function numbersRewrite(text: string, n: number): string {
  const warm = warmer(text);
  if (n % 4 === 0) return changeFigure(warm, (n / 4) % 2);
  if (n % 9 === 0) return threaten(warm);
  if (n % 10 === 0) return dropOptOut(warm);
  return warm;
}

/**
 * The model for `repay simulate --llm-script <name>`. The rewrite prompt's user part is the
 * rendered nudge itself (prompts/llm/rewrite.ts), so the script works on that.
 * @example const llm = simulatedLlm("numbers") // every 4th rewording changes a figure
 */
export function simulatedLlm(name: LlmScriptName): Llm {
  let n = 0;
  return scriptedLlm({
    rewrite: ({ user }) => (name === "faithful" ? warmer(user) : numbersRewrite(user, ++n)),
  });
}
