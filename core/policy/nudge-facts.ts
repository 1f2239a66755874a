// The facts a nudge is rendered from, taken from loan state and the borrower's record, never invented.

import { addDays, daysBetween, type IsoDate } from "../dates/iso-date.ts";
import { loanDisclosure } from "../disclosure/index.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import type { Transaction } from "../ledger/transaction.ts";
import { add } from "../money/arithmetic.ts";
import { formatMoney } from "../money/decimal.ts";
import type { NudgeFacts, NudgeLoanFacts } from "../nudges/nudge-message.ts";
import type { Borrower, PromiseToPay, StoredLoan } from "../ports/index.ts";
import type { PayLink } from "../ports/pay-link.ts";
import { repaymentScore } from "../score/index.ts";
import type { NudgeKind, NudgeOpportunity } from "./cadence.ts";

export interface DueLoan {
  readonly loan: StoredLoan;
  readonly state: LoanState;
  readonly opportunity: NudgeOpportunity;
  /** The loan's transactions, for the late notice's disclosure (next fee, monthly interest). */
  readonly transactions?: readonly Transaction[];
}

/** Strongest first: a message about several loans takes the kind of the most pressing one. */
const KIND_RANK: readonly NudgeKind[] = [
  "broken_promise",
  "plan_offer",
  "follow_up",
  "overdue",
  "due_today",
  "plan_installment",
  "pre_due",
];

export function messageKind(loans: readonly DueLoan[]): NudgeKind {
  const rank = (kind: NudgeKind) => KIND_RANK.indexOf(kind);
  return loans
    .map((due) => due.opportunity.slot.kind)
    .reduce((best, kind) => (rank(kind) < rank(best) ? kind : best));
}

function loanFacts(
  due: DueLoan,
  borrower: Borrower,
  payLink?: PayLink,
): NudgeLoanFacts | undefined {
  const { state, loan } = due;
  const late = state.overdue.total.minor > 0n;
  const amountDue = late ? state.overdue.total : state.nextDue?.amount;
  if (!amountDue) return undefined;
  const dueDate = late ? addDays(state.asOf, -state.daysPastDue) : (state.nextDue?.date as IsoDate);
  const link = payLink?.({
    borrowerRef: borrower.externalRef,
    loanRef: loan.externalRef,
    amount: formatMoney(amountDue),
    currency: amountDue.currency,
  });
  return {
    loanRef: loan.externalRef,
    amountDue,
    dueDate,
    overdue: state.overdue.total,
    feesAndPenalties: add(state.overdue.fees, state.overdue.penalties),
    daysPastDue: state.daysPastDue,
    ...(link ? { payLink: link } : {}),
    ...(late && due.transactions
      ? { disclosure: loanDisclosure(loan, due.transactions, state) }
      : {}),
  };
}

/** Installments paid after, and on or before, their due date, over all the loans. */
function paymentRecord(loans: readonly DueLoan[]) {
  let timesLate = 0;
  let onTimeInstallments = 0;
  for (const { state } of loans) {
    for (const i of state.installments) {
      if (i.paidOn === undefined) continue;
      if (i.paidOn > i.dueDate) timesLate++;
      else onTimeInstallments++;
    }
  }
  return { timesLate, onTimeInstallments };
}

/** An open promise whose date and grace passed is as broken as one marked so. */
function promiseRecord(promises: readonly PromiseToPay[], today: IsoDate, graceDays: number) {
  let kept = 0;
  let broken = 0;
  for (const p of promises) {
    if (p.status === "kept") kept++;
    else if (p.status === "broken" || daysBetween(p.promisedFor, today) > graceDays) broken++;
  }
  return { promisesKept: kept, promisesBroken: broken };
}

/** The repayment score over the loans this nudge is about and the borrower's promises. */
function scoreRecord(input: FactsInput) {
  const { score, grade } = repaymentScore({
    asOf: input.today,
    installments: input.loans.flatMap((due) => due.state.installments),
    promises: input.promises,
  });
  return { score, scoreGrade: grade };
}

export interface FactsInput {
  readonly borrower: Borrower;
  readonly loans: readonly DueLoan[];
  readonly promises: readonly PromiseToPay[];
  readonly today: IsoDate;
  /** When the nudge is written (UTC ISO instant). */
  readonly at: string;
  readonly promiseGraceDays: number;
  readonly lenderName: string;
  readonly payLink?: PayLink;
}

/** Undefined when none of the loans has an amount to ask for. */
export function nudgeFacts(input: FactsInput): NudgeFacts | undefined {
  const { borrower, loans } = input;
  const loanLines = loans
    .map((due) => loanFacts(due, borrower, input.payLink))
    .filter((facts): facts is NudgeLoanFacts => facts !== undefined);
  if (loanLines.length === 0) return undefined;
  const kind = messageKind(loans);
  const promised = loans.find((due) => due.opportunity.slot.kind === "broken_promise");
  return {
    kind,
    locale: borrower.locale,
    timeZone: borrower.timeZone,
    at: input.at,
    lenderName: input.lenderName,
    borrowerName: borrower.name,
    loans: loanLines,
    history: {
      ...paymentRecord(loans),
      ...promiseRecord(input.promises, input.today, input.promiseGraceDays),
      ...scoreRecord(input),
    },
    ...(promised ? { promisedFor: promised.opportunity.slot.anchor } : {}),
  };
}
