// What happens to a loan after disbursement: payments, charges, waivers and reschedules.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Money } from "../money/money.ts";
import type { Installment } from "../schedule/installment.ts";

export interface Payment<C extends string = string> {
  readonly type: "payment";
  readonly date: IsoDate;
  readonly amount: Money<C>;
}

/** A charge the lender adds (e.g. a returned-payment fee); it falls due with the next installment. */
export interface FeeCharge<C extends string = string> {
  readonly type: "fee";
  readonly date: IsoDate;
  readonly amount: Money<C>;
}

/** Forgives fees and penalties (default: penalties first, then fees, oldest first). */
export interface Waiver<C extends string = string> {
  readonly type: "waiver";
  readonly date: IsoDate;
  readonly amount: Money<C>;
  readonly component?: "fees" | "penalties";
}

/**
 * An installment of a reschedule. `carriedInterest` is the part of its interest that was already
 * earned on the reschedule date (arrears interest and the running period's accrued interest
 * carried into the plan): it is owed, and in the payoff, from that day, not accrued again.
 */
export interface RescheduleInstallment<C extends string = string> extends Installment<C> {
  readonly carriedInterest?: Money<C>;
}

/**
 * Replaces every open installment with a new schedule (an accepted plan). It changes how the
 * debt is repaid, never how much is owed that day: the new principal must equal the principal
 * outstanding on `date`; a reschedule that states its carried interest must carry exactly the
 * interest earned and unpaid on `date` and every open fee and penalty (see `replay`).
 */
export interface Reschedule<C extends string = string> {
  readonly type: "reschedule";
  readonly date: IsoDate;
  readonly installments: readonly RescheduleInstallment<C>[];
  readonly plan?: string;
}

export type Transaction<C extends string = string> =
  | Payment<C>
  | FeeCharge<C>
  | Waiver<C>
  | Reschedule<C>;

export type TransactionType = Transaction["type"];
export const TRANSACTION_TYPES: readonly TransactionType[] = [
  "payment",
  "fee",
  "waiver",
  "reschedule",
];
