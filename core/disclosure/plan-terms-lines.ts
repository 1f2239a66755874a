// A plan's terms in the borrower's words: the rate that applies and what a missed plan payment costs.
import type { IsoDate } from "../dates/iso-date.ts";
import { renderTemplate } from "../format/render-template.ts";
import type { Language } from "../intents/types.ts";
import { feeFigures } from "./disclosure-lines.ts";
import type { DisclosureLocaleTemplates } from "./disclosure-templates.ts";
import { formatPercent } from "./format-percent.ts";
import type { PlanDisclosure } from "./loan-disclosure.ts";

export type PlanTermsTemplates = Pick<
  DisclosureLocaleTemplates,
  "planRate" | "planRateFrozen" | "planMissedFee" | "planMissedNoFee"
>;

/**
 * The rate line and the missed-payment line of a plan offer, as the assistant's plan screen and
 * an agent's proposal both state them.
 * @example planTermsLines(planDisclosure(loan, txs, today, option), { templates, locale: "en", today })
 * // ["Interest: 12.99% a year.", "If a plan payment is missed: ... would add a late fee of $15.00."]
 */
export function planTermsLines(
  terms: PlanDisclosure,
  words: {
    readonly templates: PlanTermsTemplates;
    readonly locale: Language;
    readonly today: IsoDate;
  },
): string[] {
  const { templates, locale, today } = words;
  const rate = formatPercent(terms.annualRate, locale);
  const missed = terms.missedFee;
  return [
    terms.interestFreeCount === undefined
      ? renderTemplate(templates.planRate, { rate })
      : renderTemplate(templates.planRateFrozen, {
          count: String(terms.interestFreeCount),
          rate,
        }),
    missed.kind === "fee"
      ? renderTemplate(templates.planMissedFee, feeFigures(missed, { locale, today }))
      : templates.planMissedNoFee,
  ].filter((line) => line !== "");
}
