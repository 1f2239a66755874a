// Loan state as of a date: what is owed, what is overdue, and where each installment stands.
import type { IsoDate } from "../dates/iso-date.ts";
import type { DelinquencyBucket } from "../delinquency/bucket.ts";
import type { Money } from "../money/money.ts";

export type InstallmentStatus = "paid" | "partial" | "overdue" | "due" | "future" | "rescheduled";

/** Amounts by component. `total` is their sum. */
export interface Components<C extends string = string> {
  readonly principal: Money<C>;
  readonly interest: Money<C>;
  readonly fees: Money<C>;
  readonly penalties: Money<C>;
  readonly total: Money<C>;
}

export interface InstallmentState<C extends string = string> {
  readonly n: number;
  readonly dueDate: IsoDate;
  /** What falls due with this installment (fees and penalties include charges added later). */
  readonly due: Components<C>;
  readonly paid: Components<C>;
  readonly outstanding: Components<C>;
  readonly status: InstallmentStatus;
  /** Date the installment became fully paid, if it has. */
  readonly paidOn?: IsoDate;
  /** Rescheduled only: the date a plan replaced it (its lateness stops counting there). */
  readonly closedOn?: IsoDate;
}

export interface LoanState<C extends string = string> {
  readonly currency: C;
  readonly asOf: IsoDate;
  /** Everything still owed on the schedule (future interest included). */
  readonly outstanding: Components<C>;
  /** Owed on installments whose due date has passed. */
  readonly overdue: Components<C>;
  readonly daysPastDue: number;
  readonly bucket: DelinquencyBucket;
  /** The earliest installment not yet paid whose due date is today or later. */
  readonly nextDue?: { readonly date: IsoDate; readonly amount: Money<C>; readonly n: number };
  /** What settles the loan today: principal, interest accrued to today, fees and penalties. */
  readonly payoff: Money<C>;
  /** Money received beyond everything owed, held as a credit. */
  readonly credit: Money<C>;
  readonly installments: readonly InstallmentState<C>[];
  readonly paidOff: boolean;
}
