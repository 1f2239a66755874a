// Renders an automated nudge from facts and templates: exact figures, a way forward, a way out.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { nudgeDisclosureLines } from "./disclosure-part.ts";
import { fillTemplate } from "./fill-template.ts";
import { type LoanFigures, type NudgeFigures, nudgeFigures } from "./nudge-figures.ts";
import type { NudgeFacts, NudgeTone, RenderedNudge } from "./nudge-message.ts";
import {
  type NudgeLocaleTemplates,
  type NudgePartKey,
  type NudgeTemplates,
  ONE_LOAN_VARIABLES,
  PART_VARIABLES,
  SEVERAL_LOANS_VARIABLES,
} from "./nudge-templates.ts";
import { nudgeSegment } from "./segment.ts";

type Values = Readonly<Record<string, string | undefined>>;

/** What renders a body: the locale's templates, the facts and their formatted figures. */
interface Draft {
  readonly facts: NudgeFacts;
  readonly set: NudgeLocaleTemplates;
  readonly figures: NudgeFigures;
  readonly tone: NudgeTone;
  readonly plurals: Intl.PluralRules;
}

interface Body {
  readonly template: string;
  readonly body: string;
  readonly links: readonly string[];
}

function part(draft: Draft, key: NudgePartKey, values: Values): string {
  const id = `${draft.facts.locale}/parts/${key}`;
  return fillTemplate(id, draft.set.parts?.[key], PART_VARIABLES[key], values);
}

/** The values a body or loan line about `loan` takes. */
function loanValues(draft: Draft, loan: LoanFigures): Record<string, string> {
  const count = loan.daysPastDue;
  const days = draft.plurals.select(Number(count)) === "one" ? "daysOne" : "daysOther";
  return {
    loanRef: loan.loanRef,
    amount: loan.amount,
    dueDate: loan.dueDate,
    daysPastDue: part(draft, days, { count }),
    feesNote: loan.fees === undefined ? "" : part(draft, "feesNote", { fees: loan.fees }),
  };
}

function commonValues({ facts, figures }: Draft): Values {
  return { lender: facts.lenderName, name: facts.borrowerName, promisedFor: figures.promisedFor };
}

function oneLoan(draft: Draft, loan: LoanFigures): Body {
  const { locale, kind } = draft.facts;
  const template = `${locale}/${kind}/${draft.tone}`;
  const values = { ...commonValues(draft), ...loanValues(draft, loan) };
  const text = draft.set.one?.[kind]?.[draft.tone];
  const body = fillTemplate(template, text, ONE_LOAN_VARIABLES[kind], values);
  const links =
    loan.payLink === undefined ? [] : [part(draft, "payLink", { payLink: loan.payLink })];
  return { template, body, links };
}

function severalLoans(draft: Draft): Body {
  const { locale, kind } = draft.facts;
  const template = `${locale}/${kind}/${draft.tone}/several`;
  const lines = draft.figures.loans.map((loan) =>
    part(draft, loan.late ? "loanLate" : "loanUpcoming", loanValues(draft, loan)),
  );
  const values = {
    ...commonValues(draft),
    loanCount: draft.figures.loanCount,
    loans: lines.join("\n"),
  };
  const text = draft.set.several?.[kind]?.[draft.tone];
  const body = fillTemplate(template, text, SEVERAL_LOANS_VARIABLES[kind], values);
  const links = draft.figures.loans.flatMap((loan) =>
    loan.payLink === undefined
      ? []
      : [part(draft, "payLinkFor", { loanRef: loan.loanRef, payLink: loan.payLink })],
  );
  return { template, body, links };
}

function missing(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError(ErrorCode.TemplateMissing, message, details);
}

/**
 * Writes the nudge `facts` call for, in the borrower's locale and a tone chosen by segment: the
 * body (each loan's exact amount and date), pay links, the payment-plan step, then the opt-out
 * line. Pure. Throws TEMPLATE_MISSING when a template, or a variable it needs, is missing.
 * @example renderNudge(facts, nudgeTemplates).text
 * // "Hi Alex, this is Acme Credit. ...\nReply STOP to stop these reminders."
 */
export function renderNudge(facts: NudgeFacts, templates: NudgeTemplates): RenderedNudge {
  const set = templates[facts.locale] as NudgeLocaleTemplates | undefined;
  if (set === undefined) {
    throw missing(`no nudge templates for "${facts.locale}"`, { template: facts.locale });
  }
  const figures = nudgeFigures(facts);
  const [first, ...others] = figures.loans;
  if (first === undefined) throw missing("a nudge needs at least one loan", { variable: "loans" });
  const { tone, segment } = nudgeSegment(facts.kind, facts.history, facts.toneFromScore !== false);
  const plurals = new Intl.PluralRules(facts.locale);
  const draft: Draft = { facts, set, figures, tone, plurals };
  const { template, body, links } =
    others.length === 0 ? oneLoan(draft, first) : severalLoans(draft);
  const disclosed = nudgeDisclosureLines(facts, set);
  const invite = facts.learnInvite === true ? set.learnInvite.trim() : "";
  const text = [
    body,
    ...links,
    ...disclosed,
    part(draft, "planStep", {}),
    // Never in place of a figure or the opt-out line: one more line, before the opt-out.
    ...(invite === "" ? [] : [invite]),
    part(draft, "optOut", {}),
  ].join("\n");
  return { text, tone, segment, template, ...(invite === "" ? {} : { invited: true }) };
}
