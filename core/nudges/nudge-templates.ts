// The shape of nudge templates per locale and the `{variables}` each template must use.
import type { DisclosureLocaleTemplates } from "../disclosure/disclosure-templates.ts";
import type { Locale } from "../text/index.ts";
import type { NudgeKind, NudgeTone } from "./nudge-message.ts";

/** A message body for every kind and tone. */
export type NudgeBodies = {
  readonly [K in NudgeKind]: { readonly [T in NudgeTone]: string };
};

const UPCOMING = ["lender", "name", "amount", "dueDate"] as const;
const LATE = [...UPCOMING, "daysPastDue", "feesNote"] as const;
const SEVERAL = ["lender", "name", "loanCount", "loans"] as const;

/** The variables of a body about one loan, by kind. */
export const ONE_LOAN_VARIABLES = {
  pre_due: UPCOMING,
  due_today: UPCOMING,
  plan_installment: UPCOMING,
  overdue: LATE,
  follow_up: LATE,
  plan_offer: LATE,
  broken_promise: [...LATE, "promisedFor"],
} as const satisfies Record<NudgeKind, readonly string[]>;

/** The variables of a body about several loans, by kind; `{loans}` is the list of loan lines. */
export const SEVERAL_LOANS_VARIABLES = {
  pre_due: SEVERAL,
  due_today: SEVERAL,
  plan_installment: SEVERAL,
  overdue: SEVERAL,
  follow_up: SEVERAL,
  plan_offer: SEVERAL,
  broken_promise: [...SEVERAL, "promisedFor"],
} as const satisfies Record<NudgeKind, readonly string[]>;

/** The variables of the shared parts every nudge is assembled from. */
export const PART_VARIABLES = {
  /** One loan in a several-loan list, nothing past due yet. */
  loanUpcoming: ["loanRef", "amount", "dueDate"],
  /** One loan in a several-loan list, past due. */
  loanLate: ["loanRef", "amount", "dueDate", "daysPastDue", "feesNote"],
  /** Fills `{feesNote}` when the amount includes fees; empty when it does not. */
  feesNote: ["fees"],
  /** Fills `{daysPastDue}`: "1 day" / "3 days" (by Intl plural rules). */
  daysOne: ["count"],
  daysOther: ["count"],
  payLink: ["payLink"],
  /** A pay link in a several-loan nudge, one line per loan that has one. */
  payLinkFor: ["loanRef", "payLink"],
  /** The way forward every nudge offers: a payment plan. */
  planStep: [],
  /** How to opt out: the last line of every nudge. */
  optOut: [],
} as const satisfies Record<string, readonly string[]>;

export type NudgePartKey = keyof typeof PART_VARIABLES;

/** One locale's nudge templates, written with `{variable}` placeholders and no digits of their own. */
export interface NudgeLocaleTemplates {
  readonly one: NudgeBodies;
  readonly several: NudgeBodies;
  readonly parts: { readonly [P in NudgePartKey]: string };
  /** What late notices add: next late fee, monthly interest, the lender's own statement. */
  readonly disclosure: DisclosureLocaleTemplates;
  /**
   * One optional line inviting a lesson ("Send /learn ..."), at most once every 14 days, placed
   * before the plan step and the opt-out line. Empty: nudges never carry it.
   */
  readonly learnInvite: string;
}

/** Nudge templates for every locale, as `prompts/index.ts` hands them to core. */
export type NudgeTemplates = Readonly<Record<Locale, NudgeLocaleTemplates>>;
