// Loans, schedules and state as JSON out (CLI, API): amounts as decimal strings in major units.
import type {
  Components,
  LoanState,
  RescheduleInstallment,
  Transaction,
} from "../../core/ledger/index.ts";
import { formatMoney, money } from "../../core/money/index.ts";
import type { PlanOptions } from "../../core/plans/index.ts";
import { type Installment, installmentTotal } from "../../core/schedule/index.ts";

export function componentsJson(parts: Components) {
  return {
    principal: formatMoney(parts.principal),
    interest: formatMoney(parts.interest),
    fees: formatMoney(parts.fees),
    penalties: formatMoney(parts.penalties),
    total: formatMoney(parts.total),
  };
}

export function installmentJson(installment: RescheduleInstallment, withCharges = true) {
  const total = formatMoney(money(installmentTotal(installment), installment.principal.currency));
  return {
    n: installment.n,
    dueDate: installment.dueDate,
    principal: formatMoney(installment.principal),
    interest: formatMoney(installment.interest),
    ...(withCharges
      ? { fees: formatMoney(installment.fees), penalties: formatMoney(installment.penalties) }
      : {}),
    ...(installment.carriedInterest
      ? { carriedInterest: formatMoney(installment.carriedInterest) }
      : {}),
    total,
  };
}

export function scheduleJson(installments: readonly Installment[]) {
  const currency = installments[0]?.principal.currency ?? "USD";
  const sum = (pick: (i: Installment) => bigint) =>
    formatMoney(
      money(
        installments.reduce((acc, i) => acc + pick(i), 0n),
        currency,
      ),
    );
  return {
    installments: installments.map((i) => installmentJson(i, false)),
    totals: {
      principal: sum((i) => i.principal.minor),
      interest: sum((i) => i.interest.minor),
      total: sum((i) => i.principal.minor + i.interest.minor),
    },
  };
}

export function stateJson(state: LoanState) {
  return {
    asOf: state.asOf,
    currency: state.currency,
    outstanding: componentsJson(state.outstanding),
    overdue: componentsJson(state.overdue),
    daysPastDue: state.daysPastDue,
    bucket: state.bucket,
    nextDue: state.nextDue
      ? { date: state.nextDue.date, amount: formatMoney(state.nextDue.amount), n: state.nextDue.n }
      : null,
    payoff: formatMoney(state.payoff),
    credit: formatMoney(state.credit),
    paidOff: state.paidOff,
    installments: state.installments.map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      status: i.status,
      due: componentsJson(i.due),
      paid: componentsJson(i.paid),
      outstanding: componentsJson(i.outstanding),
      ...(i.paidOn ? { paidOn: i.paidOn } : {}),
    })),
  };
}

export function plansJson(plans: PlanOptions) {
  return {
    options: plans.options.map((o) => ({
      kind: o.kind,
      installmentAmount: formatMoney(o.installmentAmount),
      count: o.count,
      firstDueDate: o.firstDueDate,
      lastDueDate: o.lastDueDate,
      totalPayable: formatMoney(o.totalPayable),
      extraCost: formatMoney(o.extraCost),
      ...(o.reducedCount !== undefined ? { reducedCount: o.reducedCount } : {}),
      ...(o.thenAmount ? { thenAmount: formatMoney(o.thenAmount) } : {}),
      schedule: o.schedule.map((i) => installmentJson(i)),
    })),
    notOffered: plans.notOffered,
  };
}

export function transactionJson(transaction: Transaction) {
  if (transaction.type === "reschedule") {
    return {
      type: transaction.type,
      date: transaction.date,
      ...(transaction.plan ? { plan: transaction.plan } : {}),
      installments: transaction.installments.map((i) => installmentJson(i)),
    };
  }
  return { ...transaction, amount: formatMoney(transaction.amount) };
}
