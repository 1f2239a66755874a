// The shapes `repay` prints, as the tests read them (amounts are decimal strings).
import { formatMoney, parseMoney } from "../../core/money/decimal.ts";
import { money } from "../../core/money/money.ts";

export interface ComponentsJson {
  principal: string;
  interest: string;
  fees: string;
  penalties: string;
  total: string;
}

export interface InstallmentJson {
  n: number;
  dueDate: string;
  principal: string;
  interest: string;
  fees?: string;
  penalties?: string;
  total: string;
}

export interface ScheduleOutput {
  installments: InstallmentJson[];
  totals: { principal: string; interest: string; total: string };
}

export interface StateOutput {
  asOf: string;
  currency: string;
  outstanding: ComponentsJson;
  overdue: ComponentsJson;
  daysPastDue: number;
  bucket: string;
  nextDue: { date: string; amount: string; n: number } | null;
  payoff: string;
  credit: string;
  paidOff: boolean;
  installments: {
    n: number;
    dueDate: string;
    status: string;
    due: ComponentsJson;
    paid: ComponentsJson;
    outstanding: ComponentsJson;
    paidOn?: string;
  }[];
}

export interface PlanOptionJson {
  kind: "catch-up" | "extended" | "hardship";
  installmentAmount: string;
  count: number;
  firstDueDate: string;
  lastDueDate: string;
  totalPayable: string;
  extraCost: string;
  schedule: InstallmentJson[];
}

export interface PlansOutput {
  options: PlanOptionJson[];
  notOffered: { kind: string; reason: string }[];
}

export interface AcceptOutput {
  transaction: {
    type: "reschedule";
    date: string;
    plan?: string;
    installments: InstallmentJson[];
  };
}

/** Adds decimal strings exactly, as the CLI's own money would: ["0.10","0.20"] -> "0.30". */
export function totalOf(amounts: readonly string[], currency: string): string {
  const minor = amounts.reduce((acc, text) => acc + parseMoney(text, currency).minor, 0n);
  return formatMoney(money(minor, currency));
}
