// "Yes, set it up": a proposed plan is accepted once, its reschedule recorded, the promises it replaces closed, and audited.

import { localDate } from "../dates/index.ts";
import type { IsoDate } from "../dates/iso-date.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import { formatMoney } from "../money/decimal.ts";
import { acceptPlan } from "../plans/accept-plan.ts";
import type { Channel } from "../ports/identities.ts";
import type { StoredLoan } from "../ports/loans.ts";
import type { StoredPlan } from "../ports/plans.ts";
import type { Store } from "../ports/store.ts";
import { closePromisesForPlan } from "./close-promises.ts";
import { commandAudit } from "./command-audit.ts";
import { CommandErrorCode } from "./command-errors.ts";
import { requireLoan } from "./records.ts";

export interface AcceptPlanInput {
  readonly planId: string;
  /** The borrower accepting: a plan on someone else's loan is PLAN_NOT_FOUND. */
  readonly borrowerId: string;
  /** Where they accepted. */
  readonly channel: Channel;
  /** The acceptance date; default: today in the borrower's zone at `at`. */
  readonly today?: IsoDate;
  readonly actor: string;
  readonly at: string;
}

export interface AcceptPlanResult {
  readonly plan: StoredPlan;
  readonly loan: StoredLoan;
  /** Promises to pay the plan replaced. */
  readonly closedPromises: readonly string[];
}

/**
 * All or nothing, in one transaction: the plan accepted (PLAN_NOT_PROPOSED when it is not, or
 * no longer, proposed: a double tap accepts once), its reschedule recorded under `plan:<id>`,
 * open promises on the loan closed and their pauses lifted, and `plan.accepted` audited with
 * the loan's arrears and next installment before and after.
 *
 * @example await acceptProposedPlan(store, { planId, borrowerId, channel: "telegram", actor: "assistant", at })
 */
export async function acceptProposedPlan(
  store: Store,
  input: AcceptPlanInput,
): Promise<AcceptPlanResult> {
  const { at, actor } = input;
  return store.atomic(async (tx) => {
    const stored = await tx.plans.byId(input.planId);
    const found = stored && (await requireLoan(tx, stored.loanId));
    if (!stored || !found || found.loan.borrowerId !== input.borrowerId) {
      throw new DomainError(
        CommandErrorCode.PlanNotFound,
        `no plan ${input.planId} for this borrower`,
        {
          planId: input.planId,
        },
      );
    }
    const { loan, borrower } = found;
    const today = input.today ?? localDate(new Date(at), borrower.timeZone);
    const openPromises = (await tx.contact.promises(borrower.id))
      .filter((p) => p.status === "open" && p.loanId === loan.id)
      .map((p) => p.id);
    const history = async () =>
      loanStateAsOf(
        loan,
        (await tx.transactions.forLoan(loan.id)).map((r) => r.transaction),
        today,
      );
    const before = await history();
    const plan = await tx.plans.accept(stored.id, at);
    if (!plan) {
      throw new DomainError(
        CommandErrorCode.PlanNotProposed,
        `plan ${stored.id} is ${stored.status}, not proposed`,
        { planId: stored.id, status: stored.status },
      );
    }
    await tx.transactions.record(loan.id, `plan:${plan.id}`, acceptPlan(plan.option, today));
    const closedPromises = await closePromisesForPlan(tx, {
      borrowerId: borrower.id,
      loanId: loan.id,
      planId: plan.id,
      actor,
      at,
    });
    const { option } = plan;
    await tx.audit.append(
      commandAudit({
        actor,
        action: "plan.accepted",
        subject: `loan:${loan.id}`,
        before: { plan: "proposed", ...repayment(before), openPromises },
        after: { plan: "accepted", ...repayment(await history()), openPromises: [] },
        details: {
          planId: plan.id,
          borrowerId: borrower.id,
          kind: option.kind,
          count: option.count,
          installmentAmount: formatMoney(option.installmentAmount),
          totalPayable: formatMoney(option.totalPayable),
          currency: option.totalPayable.currency,
          firstDueDate: option.firstDueDate,
          lastDueDate: option.lastDueDate,
          channel: input.channel,
        },
        at,
      }),
    );
    return { plan, loan, closedPromises };
  });
}

/** What a plan changes: the arrears and the next installment; never what is owed in total. */
function repayment(state: LoanState) {
  return {
    overdue: formatMoney(state.overdue.total),
    nextDue: state.nextDue
      ? { date: state.nextDue.date, amount: formatMoney(state.nextDue.amount) }
      : null,
    outstanding: formatMoney(state.outstanding.total),
  };
}
