// "Propose plan": an agent picks one of the loan's plan options today; it is stored proposed, for the borrower to accept.

import { localDate } from "../dates/index.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type PlanOptions, planOptions } from "../plans/plan-options.ts";
import type { Borrower } from "../ports/borrowers.ts";
import type { StoredLoan } from "../ports/loans.ts";
import type { StoredPlan } from "../ports/plans.ts";
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { CommandErrorCode } from "./command-errors.ts";
import { requireLoan } from "./records.ts";

export interface LoanPlanOptions extends PlanOptions {
  readonly loan: StoredLoan;
  readonly borrower: Borrower;
}

/** The plan options a loan has today in its borrower's zone, and why the others are not offered. */
export async function loanPlanOptions(
  store: Pick<Store, "borrowers" | "loans" | "transactions">,
  loanId: string,
  at: string,
): Promise<LoanPlanOptions> {
  const { loan, borrower } = await requireLoan(store, loanId);
  const transactions = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
  const today = localDate(new Date(at), borrower.timeZone);
  return { loan, borrower, ...planOptions(loan, transactions, today) };
}

export interface ProposePlanInput {
  readonly loanId: string;
  /** The option's kind: "catch-up", "extended-term", "hardship". */
  readonly kind: string;
  readonly why?: string;
  readonly actor: string;
  readonly at: string;
}

export interface ProposePlanResult {
  readonly plan: StoredPlan;
  readonly loan: StoredLoan;
  readonly borrower: Borrower;
}

/**
 * Proposes the option of `kind` on today's figures and audits it, together; PLAN_NOT_OFFERED
 * when the loan has no such option today (it was paid, or the figures moved).
 *
 * @example await proposePlan(store, { loanId, kind: "catch-up", actor: "agent:U1", at })
 */
export async function proposePlan(
  store: Store,
  input: ProposePlanInput,
): Promise<ProposePlanResult> {
  return store.atomic(async (tx) => {
    const { loan, borrower, options } = await loanPlanOptions(tx, input.loanId, input.at);
    const option = options.find((o) => o.kind === input.kind);
    if (!option) {
      throw new DomainError(
        CommandErrorCode.PlanNotOffered,
        `option: ${input.kind} is not offered on loan ${loan.externalRef} today`,
        { field: "option", kind: input.kind, loanId: loan.id },
      );
    }
    const plan = await tx.plans.propose(loan.id, option, input.actor, input.at);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "plan.proposed",
        subject: `loan:${loan.id}`,
        ...(input.why !== undefined ? { why: input.why } : {}),
        before: null,
        after: { planId: plan.id, kind: option.kind, status: plan.status },
        details: { borrowerId: borrower.id },
        at: input.at,
      }),
    );
    return { plan, loan, borrower };
  });
}
