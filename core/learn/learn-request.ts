// Whether a message asks for a lesson: /learn (any channel), or a question a lesson answers.
import { isLessonId, type LessonId } from "./course.ts";

export interface LearnRequest {
  /** The lesson asked for; absent: the borrower's next one. */
  readonly lesson?: LessonId;
}

/** The tap that opens a lesson: "learn:interest". */
export const LEARN_ACTION = "learn:";

// Questions each lesson answers, in English and Chinese. Narrow on purpose: "how much interest
// do I owe" is a balance question for the intent engine, "how does interest work" is a lesson.
const QUESTIONS: readonly (readonly [LessonId, RegExp])[] = [
  ["balance", /\b(how is|what makes up) my balance\b|余额(是)?怎么(构成|组成|来的)/iu],
  [
    "interest",
    /\bhow (does|do) interest work\b|\bwhat is interest\b|利息(是)?怎么(算|计算)|什么是利息/iu,
  ],
  [
    "fees",
    /\bwhat happens if i miss (a|my) payment\b|\bwhy .*late fee|\bhow do late fees work\b|为什么(有|要收|收)滞纳金|滞纳金(是)?怎么(算|收)|逾期(了)?会怎样/iu,
  ],
  ["plans", /\bwhat does a (payment )?plan cost\b|还款计划(要)?多少钱/iu],
  ["budget", /\b(monthly )?budget\b|(做|制定)?预算/iu],
  ["rights", /\bmy rights\b|我的权利/iu],
];

/**
 * @example learnRequest("/learn") // {}
 * @example learnRequest("how does interest work?") // { lesson: "interest" }
 * @example learnRequest("how much do I owe") // undefined
 */
export function learnRequest(text: string): LearnRequest | undefined {
  const trimmed = text.trim();
  const command = /^\/?(learn|学习)(?:@\w+)?(?:\s+(\w+))?$/iu.exec(trimmed);
  if (command) {
    const named = command[2]?.toLowerCase();
    return named !== undefined && isLessonId(named) ? { lesson: named } : {};
  }
  if (trimmed.startsWith(LEARN_ACTION)) {
    const named = trimmed.slice(LEARN_ACTION.length);
    return isLessonId(named) ? { lesson: named } : {};
  }
  const match = QUESTIONS.find(([, pattern]) => pattern.test(trimmed));
  return match ? { lesson: match[0] } : undefined;
}
