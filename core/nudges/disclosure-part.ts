// The disclosure lines of a late notice: per late loan what waiting costs, then the lender's statement.

import type { IsoDate } from "../dates/iso-date.ts";
import { disclosureFigures, loanDisclosureLines } from "../disclosure/disclosure-lines.ts";
import { lenderStatement } from "../disclosure/lender-statement.ts";
import { renderTemplate } from "../format/render-template.ts";
import { localToday } from "../intents/context.ts";
import type { NudgeFacts, NudgeKind } from "./nudge-message.ts";
import type { NudgeLocaleTemplates } from "./nudge-templates.ts";

/** Notices about money already late carry a disclosure; reminders before it is late do not. */
const LATE_KINDS: ReadonlySet<NudgeKind> = new Set([
  "overdue",
  "follow_up",
  "plan_offer",
  "broken_promise",
]);

// A "today" in no real year, as nudgeFigures uses: without the send instant, dates show the year.
const NO_TODAY: IsoDate = "0000-01-01";

/** True for a notice about money already late: it carries what waiting costs. */
export function isLateNotice(kind: NudgeKind): boolean {
  return LATE_KINDS.has(kind);
}

/** The borrower's today when the nudge is sent (no real year without `facts.at`). */
export function todayOf(facts: NudgeFacts): IsoDate {
  return facts.at === undefined
    ? NO_TODAY
    : localToday({ locale: facts.locale, timeZone: facts.timeZone, now: facts.at });
}

/**
 * For a late notice: each late loan's next fee and monthly interest (prefixed by its reference
 * when the nudge covers several loans), then the lender's configured statement, if any.
 * Nothing for other kinds, or for loans without a disclosure in their facts.
 * @example nudgeDisclosureLines(facts, nudgeTemplates.en)
 */
export function nudgeDisclosureLines(facts: NudgeFacts, set: NudgeLocaleTemplates): string[] {
  if (!LATE_KINDS.has(facts.kind)) return [];
  const words = { templates: set.disclosure, locale: facts.locale, today: todayOf(facts) };
  const several = facts.loans.length > 1;
  const lines = facts.loans.flatMap((loan) => {
    if (loan.disclosure === undefined || loan.daysPastDue <= 0) return [];
    const own = loanDisclosureLines(loan.disclosure, words);
    return several
      ? own.map((line) => renderTemplate(set.disclosure.forLoan, { loanRef: loan.loanRef, line }))
      : own;
  });
  const statement = lenderStatement(set.disclosure);
  return statement === undefined ? lines : [...lines, statement];
}

/** Every figure the disclosure lines of `facts` may hold, for the LLM guard. */
export function nudgeDisclosureFigures(facts: NudgeFacts): string[] {
  if (!LATE_KINDS.has(facts.kind)) return [];
  const words = { locale: facts.locale, today: todayOf(facts) };
  return facts.loans.flatMap((loan) =>
    loan.disclosure === undefined ? [] : disclosureFigures(loan.disclosure, words),
  );
}
