// Whether an agent's waiver may be granted: positive, within the cap, and no more than the component owed today.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Loan } from "../ledger/loan.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { loanStateAsOf } from "../ledger/loan-state-as-of.ts";
import type { Transaction, Waiver } from "../ledger/transaction.ts";
import type { Money } from "../money/money.ts";

export type WaivedComponent = "fees" | "penalties";

export interface WaiverRequest<C extends string = string> {
  readonly loan: Loan<C>;
  /** The loan's transactions as they stand; inside the store's transaction when it matters. */
  readonly transactions: readonly Transaction<C>[];
  readonly today: IsoDate;
  readonly amount: Money<C>;
  readonly component: WaivedComponent;
  readonly cap: Money<C>;
}

export type WaiverDecision<C extends string = string> =
  | {
      readonly granted: true;
      readonly waiver: Waiver<C>;
      readonly before: LoanState<C>;
      readonly after: LoanState<C>;
    }
  | { readonly granted: false; readonly refusal: WaiverRefusal<C> };

export type WaiverRefusal<C extends string = string> =
  | { readonly code: "WAIVER_NOT_POSITIVE" }
  | { readonly code: "WAIVER_OVER_CAP"; readonly cap: Money<C> }
  | {
      readonly code: "WAIVER_OVER_OWED";
      readonly owed: Money<C>;
      readonly component: WaivedComponent;
    };

/**
 * Decides a waiver against the loan as of `today`. The store calls it again inside the
 * transaction that writes the waiver, so two waivers at once never forgive more than is owed.
 *
 * @example decideWaiver({ loan, transactions, today: "2026-04-01", amount, component: "fees", cap })
 */
export function decideWaiver<C extends string>(request: WaiverRequest<C>): WaiverDecision<C> {
  const { loan, transactions, today, amount, component, cap } = request;
  if (amount.minor <= 0n) return refuse({ code: "WAIVER_NOT_POSITIVE" });
  if (amount.minor > cap.minor) return refuse({ code: "WAIVER_OVER_CAP", cap });
  const before = loanStateAsOf(loan, transactions, today);
  const owed = before.outstanding[component];
  if (amount.minor > owed.minor) return refuse({ code: "WAIVER_OVER_OWED", owed, component });
  const waiver: Waiver<C> = { type: "waiver", date: today, amount, component };
  const after = loanStateAsOf(loan, [...transactions, waiver], today);
  return { granted: true, waiver, before, after };
}

function refuse<C extends string>(refusal: WaiverRefusal<C>): WaiverDecision<C> {
  return { granted: false, refusal };
}
