// Everything a handler needs for one turn: who, when, in which language, and how to say it.
import type { IsoDate } from "../dates/iso-date.ts";
import { formatAmount } from "../format/format-amount.ts";
import { formatDay } from "../format/format-day.ts";
import { renderTemplate } from "../format/render-template.ts";
import type { Language } from "../intents/types.ts";
import type { Course } from "../learn/course.ts";
import type { Money } from "../money/money.ts";
import type { Borrower } from "../ports/borrowers.ts";
import type { Channel } from "../ports/identities.ts";
import type { LoanWithTransactions } from "../ports/loans.ts";
import type { PayLink } from "../ports/pay-link.ts";
import type { Store } from "../ports/store.ts";
import type { AnswerDeps } from "./deps.ts";
import { activeLoanViews, type LoanView } from "./loan-view.ts";
import type { Choice } from "./reply.ts";
import type {
  AssistantTemplates,
  TEMPLATE_VARIABLES,
  TemplateKey,
  TemplateVariables,
} from "./templates.ts";

/** No argument for a template without variables, its variables otherwise. */
export type VariablesArg<K extends TemplateKey> = [(typeof TEMPLATE_VARIABLES)[K][number]] extends [
  never,
]
  ? []
  : [TemplateVariables<K>];

export interface TurnContext {
  readonly store: Store;
  readonly borrower: Borrower;
  readonly channel: Channel;
  /** UTC ISO instant of the turn. */
  readonly at: string;
  /** The borrower's local date at `at`. */
  readonly today: IsoDate;
  readonly timeZone: string;
  /** The language this reply is written in. */
  readonly language: Language;
  readonly lenderName: string;
  readonly payLink?: PayLink;
  readonly answer?: AnswerDeps;
  /** What the borrower typed this turn; undefined for a tap. */
  readonly question?: string;
  /** The short course in this turn's language, when the lender offers it. */
  readonly course?: Course;
  /**
   * The borrower's active loans as of `today` (activeLoanViews). The first call answers from
   * the loans the channel read with the borrower for this message, when it did; every later
   * call reads the store again (a handler that wrote since sees its write).
   */
  activeLoans(): Promise<LoanView[]>;
  say<K extends TemplateKey>(key: K, ...variables: VariablesArg<K>): string;
  choice<K extends TemplateKey>(action: string, label: K, ...variables: VariablesArg<K>): Choice;
  amount(value: Money): string;
  day(date: IsoDate): string;
}

export interface TurnContextInput {
  readonly store: Store;
  readonly borrower: Borrower;
  readonly channel: Channel;
  readonly at: string;
  readonly today: IsoDate;
  readonly timeZone: string;
  readonly language: Language;
  readonly templates: AssistantTemplates;
  readonly lenderName: string;
  readonly payLink?: PayLink;
  readonly answer?: AnswerDeps;
  readonly question?: string;
  readonly course?: Course;
  /** Turn.activeLoans, when the channel read them with the borrower. */
  readonly activeLoans?: readonly LoanWithTransactions[];
}

export function turnContext(input: TurnContextInput): TurnContext {
  const { templates, activeLoans: readWithBorrower, ...rest } = input;
  let known = readWithBorrower;
  const say = <K extends TemplateKey>(key: K, ...variables: VariablesArg<K>): string =>
    renderTemplate(templates[key], variables[0] ?? {});
  return {
    ...rest,
    activeLoans: () => {
      const read = known;
      known = undefined;
      return activeLoanViews(input.store, input.borrower.id, input.today, read);
    },
    say,
    choice: (action, label, ...variables) => ({ action, label: say(label, ...variables) }),
    amount: (value) => formatAmount(value, input.language),
    day: (date) => formatDay(date, input.language, input.today),
  };
}
