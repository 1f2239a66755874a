// The short SMS form's disclosure: the next late fee (exact amount and date) and interest a month.
import { feeFigures } from "../disclosure/disclosure-lines.ts";
import { formatAmount } from "../format/format-amount.ts";
import { renderTemplate } from "../format/render-template.ts";
import { isLateNotice, todayOf } from "../nudges/disclosure-part.ts";
import type { NudgeFacts } from "../nudges/index.ts";
import type { SmsLocaleTemplates } from "./sms-templates.ts";

/**
 * For a late notice, the most pressing loan's disclosure as short parts, most important first:
 * the next late fee (or that none will follow), then the interest a month costs. The same
 * figures, from the same core functions, as the full notice's lines. Empty for other kinds.
 * @example smsDisclosureParts(facts, smsTemplates.en)
 * // ["Late fee $15.00 if still unpaid on Monday, March 16.", "Interest: $12.33 a month."]
 */
export function smsDisclosureParts(facts: NudgeFacts, templates: SmsLocaleTemplates): string[] {
  const loan = facts.loans[0];
  if (!isLateNotice(facts.kind) || loan?.disclosure === undefined || loan.daysPastDue <= 0) {
    return [];
  }
  const { nextFee, interest } = loan.disclosure;
  const words = { locale: facts.locale, today: todayOf(facts) };
  const fee =
    nextFee.kind === "fee"
      ? renderTemplate(templates.shortFee, feeFigures(nextFee, words))
      : nextFee.reason === "NO_LATE_FEES"
        ? templates.shortNoLateFees
        : templates.shortNoFurtherFees;
  const perMonth = interest
    ? [
        renderTemplate(templates.shortInterest, {
          interest: formatAmount(interest.amount, words.locale),
        }),
      ]
    : [];
  return [fee, ...perMonth].filter((part) => part !== "");
}
