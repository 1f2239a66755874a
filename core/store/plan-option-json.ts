// A plan option as a JSON column keeps it: one currency, amounts as minor-unit strings.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { type Money, money } from "../money/money.ts";
import type { PlanKind, PlanOption } from "../plans/plan-option.ts";
import {
  type InstallmentJson,
  installmentFromJson,
  installmentToJson,
} from "./installment-json.ts";

export interface PlanOptionJson {
  readonly kind: PlanKind;
  readonly currency: string;
  readonly installmentAmount: string;
  readonly count: number;
  readonly firstDueDate: string;
  readonly lastDueDate: string;
  readonly totalPayable: string;
  readonly extraCost: string;
  readonly schedule: readonly InstallmentJson[];
  readonly reducedCount?: number;
  readonly thenAmount?: string;
}

/** Throws CURRENCY_MISMATCH when the option mixes currencies: the column keeps only one. */
export function planOptionToJson(option: PlanOption): PlanOptionJson {
  const currency = option.installmentAmount.currency;
  const minor = (amount: Money): string => {
    if (amount.currency !== currency) {
      throw new DomainError(ErrorCode.CurrencyMismatch, "a plan option mixes currencies", {
        left: currency,
        right: amount.currency,
      });
    }
    return amount.minor.toString();
  };
  for (const i of option.schedule) [i.principal, i.interest, i.fees, i.penalties].forEach(minor);
  return {
    kind: option.kind,
    currency,
    installmentAmount: minor(option.installmentAmount),
    count: option.count,
    firstDueDate: option.firstDueDate,
    lastDueDate: option.lastDueDate,
    totalPayable: minor(option.totalPayable),
    extraCost: minor(option.extraCost),
    schedule: option.schedule.map(installmentToJson),
    ...(option.reducedCount !== undefined ? { reducedCount: option.reducedCount } : {}),
    ...(option.thenAmount ? { thenAmount: minor(option.thenAmount) } : {}),
  };
}

export function planOptionFromJson(json: PlanOptionJson): PlanOption {
  const amount = (minor: string) => money(BigInt(minor), json.currency);
  return {
    kind: json.kind,
    installmentAmount: amount(json.installmentAmount),
    count: json.count,
    firstDueDate: json.firstDueDate,
    lastDueDate: json.lastDueDate,
    totalPayable: amount(json.totalPayable),
    extraCost: amount(json.extraCost),
    schedule: json.schedule.map((i) => installmentFromJson(i, json.currency)),
    ...(json.reducedCount !== undefined ? { reducedCount: json.reducedCount } : {}),
    ...(json.thenAmount !== undefined ? { thenAmount: amount(json.thenAmount) } : {}),
  };
}
