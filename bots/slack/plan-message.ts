// The agent's plan as the borrower reads it: the same runs of installments and cost as the plan screen.

import { installmentRuns } from "../../core/assistant/index.ts";
import type { IsoDate } from "../../core/dates/index.ts";
import { planDisclosure, planTermsLines } from "../../core/disclosure/index.ts";
import { formatAmount } from "../../core/format/index.ts";
import type { Loan, Transaction } from "../../core/ledger/index.ts";
import { money } from "../../core/money/index.ts";
import type { PlanOption } from "../../core/plans/index.ts";
import type { Locale } from "../../core/ports/index.ts";
import { assistantTemplates, fillText } from "../../prompts/index.ts";

/**
 * The figures of `option` in the borrower's words, from the assistant's own templates: how many
 * payments, each run of installments ("3 × $175.53 to $175.55, then 7 × $107.12 to $107.18"),
 * the total and the cost against today's schedule, so the Telegram message and the plan screen
 * it opens never disagree.
 */
export function planFigures(option: PlanOption, locale: Locale) {
  const t = assistantTemplates[locale];
  const currency = option.totalPayable.currency;
  const amount = (minor: bigint) => formatAmount(money(minor, currency), locale);
  const runs = installmentRuns(option)
    .map((run) =>
      run.low === run.high
        ? fillText(t.planRun, { count: run.count, amount: amount(run.low) })
        : fillText(t.planRunRange, {
            count: run.count,
            low: amount(run.low),
            high: amount(run.high),
          }),
    )
    .join(t.planRunThen);
  const extra = option.extraCost.minor;
  const cost =
    extra > 0n
      ? fillText(t.planCostMore, { extra: amount(extra) })
      : extra === 0n
        ? t.planCostNone
        : fillText(t.planCostLess, { saving: amount(-extra) });
  return {
    payments:
      option.count === 1 ? t.planPaymentsOne : fillText(t.planPayments, { count: option.count }),
    runs,
    total: formatAmount(option.totalPayable, locale),
    cost,
  };
}

/**
 * The plan's terms as the assistant's plan screen states them: the interest rate that applies
 * and what a missed plan payment costs (the plan's own schedule replayed by the ledger).
 * @example planTermsText(option, { loan, transactions }, "2026-04-01", "en")
 * // "Interest: 12.99% a year. If a plan payment is missed: ..."
 */
export function planTermsText(
  option: PlanOption,
  view: { readonly loan: Loan; readonly transactions: readonly Transaction[] },
  today: IsoDate,
  locale: Locale,
): string {
  const terms = planDisclosure(view.loan, view.transactions, today, option);
  const lines = planTermsLines(terms, { templates: assistantTemplates[locale], locale, today });
  return lines.join(locale === "zh-CN" ? "" : " ");
}
