// Plan options for a loan in (or near) arrears: catch-up, extended term and hardship, with their costs.
import type { IsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { COMPONENTS } from "../installments/book.ts";
import type { Loan } from "../ledger/loan.ts";
import { headroom, replay } from "../ledger/replay.ts";
import type { RescheduleInstallment, Transaction } from "../ledger/transaction.ts";
import { type Money, money } from "../money/money.ts";
import { installmentTotal } from "../schedule/installment.ts";
import { acceptPlan } from "./accept-plan.ts";
import { catchUpSchedule } from "./catch-up.ts";
import { extendedSchedule } from "./extended-term.ts";
import { hardshipSchedule } from "./hardship.ts";
import type { PlanKind, PlanNotOffered, PlanOption, PlanRequest } from "./plan-option.ts";
import { totalOf } from "./plan-schedule.ts";
import { type RestructureBase, restructureBase } from "./restructure-base.ts";

export interface PlanOptions<C extends string = string> {
  readonly options: PlanOption<C>[];
  readonly notOffered: PlanNotOffered[];
}

export function planOptions<C extends string>(
  loan: Loan<C>,
  transactions: readonly Transaction<C>[],
  asOf: IsoDate,
  request: PlanRequest<C> = {},
): PlanOptions<C> {
  const currency = loan.terms.principal.currency;
  const maxTermCount = request.maxTermCount ?? loan.terms.termCount * 2;
  if (!Number.isInteger(maxTermCount) || maxTermCount < 1) {
    throw new DomainError(ErrorCode.InvalidPlanRequest, "maxTermCount must be a positive integer", {
      field: "maxTermCount",
    });
  }
  const affordable = request.affordable?.minor;
  if (affordable !== undefined && affordable < 0n) {
    throw new DomainError(ErrorCode.InvalidPlanRequest, "affordable must not be negative", {
      field: "affordable",
    });
  }
  const base = restructureBase(loan, transactions, asOf);
  const remainingTotal = COMPONENTS.reduce((acc, c) => acc + base.outstanding[c], 0n);
  if (remainingTotal === 0n) {
    const kinds: PlanKind[] = ["catch-up", "extended", "hardship"];
    return { options: [], notOffered: kinds.map((kind) => ({ kind, reason: "PAID_OFF" })) };
  }
  const result: PlanOptions<C> = { options: [], notOffered: [] };
  const offer = (
    kind: PlanKind,
    built: RescheduleInstallment<C>[] | PlanNotOffered,
    extra = {},
  ) => {
    if (!Array.isArray(built)) return result.notOffered.push(built);
    if (breachesRateCap(loan, transactions, base, built)) {
      return result.notOffered.push({ kind, reason: "RATE_CAP" });
    }
    result.options.push(option(kind, built, money(remainingTotal, currency), extra));
  };
  offer("catch-up", catchUpSchedule(base, currency, affordable));
  offer("extended", extendedSchedule(loan, base, maxTermCount, affordable));
  const hardship = hardshipSchedule(loan, base, maxTermCount, affordable);
  if ("reason" in hardship) offer("hardship", hardship);
  else {
    const after = hardship.schedule[hardship.reducedCount];
    offer("hardship", hardship.schedule, {
      installmentAmount: money(hardship.reduced, currency),
      reducedCount: hardship.reducedCount,
      ...(after ? { thenAmount: money(installmentTotal(after), currency) } : {}),
    });
  }
  return result;
}

function option<C extends string>(
  kind: PlanKind,
  schedule: RescheduleInstallment<C>[],
  currentRemaining: Money<C>,
  extra: Partial<PlanOption<C>>,
): PlanOption<C> {
  const currency = currentRemaining.currency;
  const totalPayable = totalOf(schedule, currency);
  const first = schedule[0] as RescheduleInstallment<C>;
  const last = schedule.at(-1) as RescheduleInstallment<C>;
  return {
    kind,
    installmentAmount: money(installmentTotal(first), currency),
    count: schedule.length,
    firstDueDate: first.dueDate,
    lastDueDate: last.dueDate,
    totalPayable,
    extraCost: money(totalPayable.minor - currentRemaining.minor, currency),
    schedule,
    ...extra,
  };
}

/** Would accepting this schedule push interest plus charges past the loan's all-in rate cap? */
function breachesRateCap<C extends string>(
  loan: Loan<C>,
  transactions: readonly Transaction<C>[],
  base: RestructureBase,
  schedule: RescheduleInstallment<C>[],
): boolean {
  if (!loan.rateCap) return false;
  const accepted = [...transactions, acceptPlan(schedule, base.asOf)];
  const left = headroom(loan, replay(loan, accepted, base.asOf));
  return left !== undefined && left < 0n;
}
