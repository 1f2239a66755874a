// The "you can pay here" line, when the lender gives a payment link for the amount.
import { formatMoney } from "../money/decimal.ts";
import type { Money } from "../money/money.ts";
import type { LoanView } from "./loan-view.ts";
import type { TurnContext } from "./turn-context.ts";

export function payLinkLine(ctx: TurnContext, view: LoanView, amount: Money | undefined): string {
  if (!ctx.payLink || !amount || amount.minor <= 0n) return "";
  const link = ctx.payLink({
    borrowerRef: ctx.borrower.externalRef,
    loanRef: view.loan.externalRef,
    amount: formatMoney(amount),
    currency: amount.currency,
  });
  return link ? ctx.say("payLink", { link }) : "";
}
