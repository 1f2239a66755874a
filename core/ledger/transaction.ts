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
 * Replaces every open installment with a new schedule (an accepted plan). The new principal
 * must equal the principal outstanding on `date`; interest, fees and penalties carried into
 * the new installments are whatever the plan states.
 */
export interface Reschedule<C extends string = string> {
  readonly type: "reschedule";
  readonly date: IsoDate;
  readonly installments: readonly Installment<C>[];
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
