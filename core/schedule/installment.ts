// One installment of a repayment schedule: what falls due on a date, by component.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Money } from "../money/money.ts";

export interface Installment<C extends string = string> {
  /** 1-based position in the schedule. */
  readonly n: number;
  readonly dueDate: IsoDate;
  readonly principal: Money<C>;
  readonly interest: Money<C>;
  /** Charges due with this installment (zero in a freshly generated schedule). */
  readonly fees: Money<C>;
  /** Late-payment penalties due with this installment (zero in a freshly generated schedule). */
  readonly penalties: Money<C>;
}

export function installmentTotal<C extends string>(installment: Installment<C>): bigint {
  return (
    installment.principal.minor +
    installment.interest.minor +
    installment.fees.minor +
    installment.penalties.minor
  );
}
