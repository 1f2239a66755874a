// "I can't pay this month": plan options for the borrower's most delinquent loan.
import type { Entities } from "../../intents/types.ts";
import { entityAmount } from "../entity-amount.ts";
import { mostDelinquent } from "../loan-view.ts";
import { offerPlans } from "../plan-offer.ts";
import type { Reply } from "../reply.ts";
import type { TurnContext } from "../turn-context.ts";
import { noLoans } from "./no-loans.ts";

/** An amount in the message ("I can pay 80 a month") is what the borrower can afford per installment. */
export async function planRequest(ctx: TurnContext, entities: Entities): Promise<Reply> {
  const view = mostDelinquent(await ctx.activeLoans());
  if (!view) return noLoans(ctx);
  const affordable = entityAmount(entities.amount, view.loan.terms.principal.currency);
  return offerPlans(ctx, view, affordable);
}
