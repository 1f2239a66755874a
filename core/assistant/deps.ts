// What the assistant needs from outside: the store, the templates per locale and the lender.
import type { IntentContext, Understanding } from "../intents/types.ts";
import type { Course } from "../learn/course.ts";
import type { AnswerPrompts } from "../llm/answer-with-tools.ts";
import type { Llm } from "../llm/llm-port.ts";
import type { Locale } from "../ports/borrowers.ts";
import type { PayLink } from "../ports/pay-link.ts";
import type { Store } from "../ports/store.ts";
import type { AssistantTemplates } from "./templates.ts";

/** The optional model answer for questions the rules cannot read: tools onto core, then the guard. */
export interface AnswerDeps {
  readonly llm: Llm;
  /** prompts/llm/answer.ts; core never imports prompts/. */
  readonly prompts: AnswerPrompts;
  /** Past this the borrower gets the rules' reply; default DEFAULT_LLM_TIMEOUT_MS. */
  readonly timeoutMs?: number;
}

export interface AssistantDeps {
  readonly store: Store;
  /** The templates as data (prompts/<locale>/assistant.ts); core never imports prompts/. */
  readonly templates: Readonly<Record<Locale, AssistantTemplates>>;
  readonly lenderName: string;
  readonly payLink?: PayLink;
  /** Text to intent; default: the rules, then the trained classifier (core/intents). May be async (an LLM fallback). */
  readonly understand?: (
    text: string,
    context: IntentContext,
  ) => Understanding | Promise<Understanding>;
  /** When set, an unclear question may be answered by the model from our figures only. */
  readonly answer?: AnswerDeps;
  /** The short course (prompts/<locale>/course.ts): when set, /learn and lesson questions get a lesson. */
  readonly course?: Readonly<Record<Locale, Course>>;
}
