// Installments in JSON columns: amounts as minor-unit strings, the currency kept beside them.
import { parseIsoDate } from "../dates/iso-date.ts";
import type { RescheduleInstallment } from "../ledger/transaction.ts";
import { money } from "../money/money.ts";

export interface InstallmentJson {
  readonly n: number;
  readonly dueDate: string;
  readonly principal: string;
  readonly interest: string;
  readonly fees: string;
  readonly penalties: string;
  /** A plan's or reschedule's interest earned before it (absent in a plain schedule). */
  readonly carriedInterest?: string;
}

export function installmentToJson(installment: RescheduleInstallment): InstallmentJson {
  return {
    n: installment.n,
    dueDate: installment.dueDate,
    principal: installment.principal.minor.toString(),
    interest: installment.interest.minor.toString(),
    fees: installment.fees.minor.toString(),
    penalties: installment.penalties.minor.toString(),
    ...(installment.carriedInterest
      ? { carriedInterest: installment.carriedInterest.minor.toString() }
      : {}),
  };
}

export function installmentFromJson(
  json: InstallmentJson,
  currency: string,
): RescheduleInstallment {
  return {
    n: json.n,
    dueDate: parseIsoDate(json.dueDate, "installment.dueDate"),
    principal: money(BigInt(json.principal), currency),
    interest: money(BigInt(json.interest), currency),
    fees: money(BigInt(json.fees), currency),
    penalties: money(BigInt(json.penalties), currency),
    ...(json.carriedInterest !== undefined
      ? { carriedInterest: money(BigInt(json.carriedInterest), currency) }
      : {}),
  };
}
