// The shape of the short course per locale: its lessons and the figures each lesson may quote.
import type { DisclosureLocaleTemplates } from "../disclosure/disclosure-templates.ts";
import { LEARN_TOPICS, type LearnTopic } from "../intents/learn-topics.ts";

/** The lessons, in order: exactly the topics the intent engine finds in a learning question. */
export const LESSON_IDS = LEARN_TOPICS;
export type LessonId = LearnTopic;

/** The `{variables}` each lesson takes, every one filled from the borrower's own loan. */
export const LESSON_VARIABLES = {
  balance: ["total", "principal", "interest", "charges"],
  interest: ["payment", "interestPart", "principalPart", "dueDate", "rate"],
  fees: ["feeRule"],
  plans: ["payment", "rate"],
  budget: ["payment", "dueDate"],
  rights: ["lender"],
} as const satisfies Record<LessonId, readonly string[]>;

export interface Lesson {
  readonly title: string;
  readonly body: string;
}

/** One locale's course: data in prompts/<locale>/course.ts. */
export interface Course {
  readonly lessons: { readonly [L in LessonId]: Lesson };
  /** Heads every lesson: "Lesson {number} of {count}: {title}". */
  readonly heading: string;
  /** After the last lesson. */
  readonly done: string;
  /** The button to the next lesson: "Next: {title}". */
  readonly labelNext: string;
  /** A borrower with no active loan: the lessons need their figures. */
  readonly noLoan: string;
  /** The fee lesson quotes the same sentence a late notice does. */
  readonly disclosure: DisclosureLocaleTemplates;
}

export function isLessonId(text: string): text is LessonId {
  return (LESSON_IDS as readonly string[]).includes(text);
}
