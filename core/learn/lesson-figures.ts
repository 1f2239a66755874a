// A lesson's figures from the borrower's own loan: balance parts, this payment's interest, the fee rule.

import { loanDisclosureLines } from "../disclosure/disclosure-lines.ts";
import { formatPercent } from "../disclosure/format-percent.ts";
import { loanDisclosure } from "../disclosure/loan-disclosure.ts";
import { formatAmount } from "../format/format-amount.ts";
import { formatDay } from "../format/format-day.ts";
import type { Language } from "../intents/types.ts";
import { add } from "../money/arithmetic.ts";
import type { LoanView } from "../reads/index.ts";
import type { Course } from "./course.ts";

export type LessonFigures = Readonly<Record<string, string>>;

/**
 * Every variable any lesson takes, formatted in `language`, from `view` (the loan that needs the
 * most help). "This payment" is the earliest installment still open: its scheduled interest and
 * principal, exactly as the schedule splits it.
 * @example lessonFigures(view, course, "en", "2026-04-01", "Acme Credit").interestPart // "$11.05"
 */
export function lessonFigures(
  view: LoanView,
  course: Course,
  language: Language,
  today: string,
  lender: string,
): LessonFigures {
  const { state, loan, transactions } = view;
  const amount = (value: Parameters<typeof formatAmount>[0]) => formatAmount(value, language);
  const open = state.installments.find((i) => i.status !== "paid" && i.status !== "rescheduled");
  const [feeRule = ""] = loanDisclosureLines(loanDisclosure(loan, transactions, state), {
    templates: course.disclosure,
    locale: language,
    today,
  });
  return {
    total: amount(state.outstanding.total),
    principal: amount(state.outstanding.principal),
    interest: amount(state.outstanding.interest),
    charges: amount(add(state.outstanding.fees, state.outstanding.penalties)),
    // The installment as scheduled (principal and interest), before any late charges on it.
    payment: amount(open ? add(open.due.principal, open.due.interest) : state.outstanding.total),
    interestPart: amount(open ? open.due.interest : state.outstanding.interest),
    principalPart: amount(open ? open.due.principal : state.outstanding.principal),
    dueDate: open ? formatDay(open.dueDate, language, today) : "",
    rate: formatPercent(loan.terms.annualRate, language),
    feeRule,
    lender,
  };
}
