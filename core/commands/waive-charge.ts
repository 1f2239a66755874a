// "Waive a fee": an agent forgives fees or penalties on a loan, capped per action and never beyond what is owed.

import { localDate } from "../dates/index.ts";
import { DomainError } from "../errors/domain-error.ts";
import { formatAmount } from "../format/index.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import type { Transaction } from "../ledger/transaction.ts";
import type { Money } from "../money/money.ts";
import type { Store } from "../ports/store.ts";
import type { StoredTransaction } from "../ports/transactions.ts";
import {
  decideWaiver,
  type WaivedComponent,
  type WaiverRefusal,
} from "../waivers/decide-waiver.ts";
import { type WaiverCaps, waiverCap } from "../waivers/waiver-caps.ts";
import { commandAudit } from "./command-audit.ts";
import { requireLoan, requireReason } from "./records.ts";

export interface WaiveChargeInput {
  readonly loanId: string;
  readonly amount: Money;
  readonly component: WaivedComponent;
  readonly why: string;
  /** Largest waiver per action, per currency (core/waivers). */
  readonly caps: WaiverCaps;
  /** The same key twice writes one waiver: a resubmitted form, a retried request. */
  readonly idempotencyKey: string;
  readonly actor: string;
  readonly at: string;
}

export type WaiveChargeResult =
  | {
      readonly outcome: "waived";
      readonly record: StoredTransaction;
      readonly loanRef: string;
      readonly borrowerName: string;
    }
  /** The key was used before: nothing new was written. */
  | { readonly outcome: "duplicate"; readonly record: StoredTransaction };

/** A refused waiver: `code` is the refusal's (WAIVER_OVER_CAP, ...), `details.refusal` the figures. */
export function waiverRefused(refusal: WaiverRefusal): DomainError {
  const text =
    refusal.code === "WAIVER_NOT_POSITIVE"
      ? "amount: enter a positive amount"
      : refusal.code === "WAIVER_OVER_CAP"
        ? `amount: at most ${formatAmount(refusal.cap, "en")} per waiver`
        : `amount: only ${formatAmount(refusal.owed, "en")} of ${refusal.component} is owed`;
  return new DomainError(refusal.code, text, { field: "amount", refusal });
}

/**
 * Checks the waiver (positive, within the cap, no more than owed today in the borrower's zone),
 * then writes it with its audit entry (the charges before and after) in one transaction, where
 * the check runs again on the loan as it stands: two waivers at once never forgive more than is
 * owed. Throws a coded DomainError when refused; nothing is written then.
 *
 * @example await waiveCharge(store, { loanId, amount: parseMoney("15.00", "USD"), component: "penalties", why, caps, idempotencyKey, actor, at })
 */
export async function waiveCharge(
  store: Store,
  input: WaiveChargeInput,
): Promise<WaiveChargeResult> {
  const { loan, borrower } = await requireLoan(store, input.loanId);
  const today = localDate(new Date(input.at), borrower.timeZone);
  const cap = waiverCap(input.caps, loan.terms.principal.currency);
  const decide = (transactions: readonly Transaction[]) =>
    decideWaiver({
      loan,
      transactions,
      today,
      amount: input.amount,
      component: input.component,
      cap,
    });
  // A first check on the loan as read, so a refusal names the amount before the reason.
  const early = decide((await store.transactions.forLoan(loan.id)).map((r) => r.transaction));
  if (!early.granted) throw waiverRefused(early.refusal);
  const why = requireReason(input.why, "why");
  const charges = (s: LoanState) => ({
    fees: formatAmount(s.outstanding.fees, "en"),
    penalties: formatAmount(s.outstanding.penalties, "en"),
  });
  const written = await store.atomic((tx) =>
    tx.transactions.recordChecked<WaiverRefusal>(loan.id, input.idempotencyKey, (transactions) => {
      const decided = decide(transactions);
      if (!decided.granted) return { refused: decided.refusal };
      return {
        write: decided.waiver,
        audit: commandAudit({
          actor: input.actor,
          action: "waiver.granted",
          subject: `loan:${loan.id}`,
          why,
          before: charges(decided.before),
          after: charges(decided.after),
          details: {
            borrowerId: borrower.id,
            amount: formatAmount(input.amount, "en"),
            component: input.component,
          },
          at: input.at,
        }),
      };
    }),
  );
  if (written.outcome === "refused") throw waiverRefused(written.refusal);
  if (written.outcome === "duplicate") return { outcome: "duplicate", record: written.record };
  return {
    outcome: "waived",
    record: written.record,
    loanRef: loan.externalRef,
    borrowerName: borrower.name,
  };
}
