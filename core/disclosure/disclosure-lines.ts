// Disclosures in the borrower's words: each figure formatted once, lines filled from templates.

import type { IsoDate } from "../dates/iso-date.ts";
import { formatAmount } from "../format/format-amount.ts";
import { formatDay } from "../format/format-day.ts";
import { renderTemplate } from "../format/render-template.ts";
import type { Language } from "../intents/types.ts";
import type { DisclosureKey, DisclosureLocaleTemplates } from "./disclosure-templates.ts";
import { formatPercent } from "./format-percent.ts";
import type { LoanDisclosure } from "./loan-disclosure.ts";
import type { NextLateFee } from "./next-late-fee.ts";

export interface DisclosureWords {
  readonly templates: DisclosureLocaleTemplates;
  readonly locale: Language;
  /** The borrower's today: dates in its year leave the year out. */
  readonly today: IsoDate;
}

/** What formatting a figure needs: the language and the borrower's today. */
export type FigureWords = Pick<DisclosureWords, "locale" | "today">;

function say(words: DisclosureWords, key: DisclosureKey, values: Record<string, string> = {}) {
  return renderTemplate(words.templates[key], values);
}

export function feeFigures(fee: NextLateFee & { kind: "fee" }, words: FigureWords) {
  return {
    dueDate: formatDay(fee.forDueDate, words.locale, words.today),
    feeDate: formatDay(fee.chargedOn, words.locale, words.today),
    fee: formatAmount(fee.amount, words.locale),
  };
}

/**
 * The lines a late notice adds for one loan: the next late fee (or that none will follow) and
 * the interest a month costs.
 * @example loanDisclosureLines(disclosure, { templates: disclosure.en, locale: "en", today })
 * // ["If the payment due on Sunday, March 1 is still unpaid on Monday, March 16, a late fee of $15.00 will be added that day.", ...]
 */
export function loanDisclosureLines(disclosure: LoanDisclosure, words: DisclosureWords): string[] {
  const { nextFee, interest } = disclosure;
  const lines = [
    nextFee.kind === "fee"
      ? say(words, "nextFee", feeFigures(nextFee, words))
      : say(words, nextFee.reason === "NO_LATE_FEES" ? "noLateFees" : "noFurtherFees"),
  ];
  if (interest) {
    const key =
      interest.basis === "outstanding-principal" ? "interestOnBalance" : "interestOnPrincipal";
    lines.push(
      say(words, key, {
        interest: formatAmount(interest.amount, words.locale),
        rate: formatPercent(interest.annualRate, words.locale),
        balance: formatAmount(interest.balance, words.locale),
      }),
    );
  }
  return lines.filter((line) => line !== "");
}

/** Every formatted figure a disclosure may put in a message, for the LLM guard's facts. */
export function disclosureFigures(disclosure: LoanDisclosure, words: FigureWords): string[] {
  const figures: string[] = [];
  if (disclosure.nextFee.kind === "fee") {
    figures.push(...Object.values(feeFigures(disclosure.nextFee, words)));
  }
  const { interest } = disclosure;
  if (interest) {
    figures.push(
      formatAmount(interest.amount, words.locale),
      formatPercent(interest.annualRate, words.locale),
      formatAmount(interest.balance, words.locale),
    );
  }
  return figures;
}
