// Whether a message opens the course directly: /learn (any channel) or a lesson's button.
import { isLessonId, type LessonId } from "./course.ts";

export interface LearnRequest {
  /** The lesson asked for; absent: the borrower's next one. */
  readonly lesson?: LessonId;
}

/** The tap that opens a lesson: "learn:interest". */
export const LEARN_ACTION = "learn:";

/**
 * The command and the buttons only. A question a lesson answers ("how does interest work",
 * "为什么有滞纳金") goes through the intent engine as the intent "learn" (core/intents).
 * @example learnRequest("/learn") // {}
 * @example learnRequest("/learn fees") // { lesson: "fees" }
 * @example learnRequest("learn:interest") // { lesson: "interest" }
 * @example learnRequest("how does interest work?") // undefined
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
  return undefined;
}
