// Installments in JSON columns: amounts as minor-unit strings, the currency kept beside them.
import { parseIsoDate } from "../dates/iso-date.ts";
import { money } from "../money/money.ts";
import type { Installment } from "../schedule/installment.ts";

export interface InstallmentJson {
  readonly n: number;
  readonly dueDate: string;
  readonly principal: string;
  readonly interest: string;
  readonly fees: string;
  readonly penalties: string;
}

export function installmentToJson(installment: Installment): InstallmentJson {
  return {
    n: installment.n,
    dueDate: installment.dueDate,
    principal: installment.principal.minor.toString(),
    interest: installment.interest.minor.toString(),
    fees: installment.fees.minor.toString(),
    penalties: installment.penalties.minor.toString(),
  };
}

export function installmentFromJson(json: InstallmentJson, currency: string): Installment {
  return {
    n: json.n,
    dueDate: parseIsoDate(json.dueDate, "installment.dueDate"),
    principal: money(BigInt(json.principal), currency),
    interest: money(BigInt(json.interest), currency),
    fees: money(BigInt(json.fees), currency),
    penalties: money(BigInt(json.penalties), currency),
  };
}
