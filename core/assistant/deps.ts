// What the assistant needs from outside: the store, the templates per locale and the lender.
import type { IntentContext, Understanding } from "../intents/types.ts";
import type { Locale } from "../ports/borrowers.ts";
import type { Store } from "../ports/store.ts";
import type { AssistantTemplates } from "./templates.ts";

/** Builds a payment link for an amount; undefined when the lender has none for this loan. */
export type PayLink = (context: {
  borrowerRef: string;
  loanRef: string;
  /** Decimal string in major units, e.g. "205.08". */
  amount: string;
  currency: string;
}) => string | undefined;

export interface AssistantDeps {
  readonly store: Store;
  /** The templates as data (prompts/<locale>/assistant.ts); core never imports prompts/. */
  readonly templates: Readonly<Record<Locale, AssistantTemplates>>;
  readonly lenderName: string;
  readonly payLink?: PayLink;
  /** Text to intent; default: the rules in core/intents. May be async (an LLM fallback). */
  readonly understand?: (
    text: string,
    context: IntentContext,
  ) => Understanding | Promise<Understanding>;
}
