// Public API of disclosure: what waiting costs on a loan and a plan's terms, from the loan's own rules.

export {
  type DisclosureWords,
  disclosureFigures,
  type FigureWords,
  feeFigures,
  loanDisclosureLines,
} from "./disclosure-lines.ts";
export {
  DISCLOSURE_VARIABLES,
  type DisclosureKey,
  type DisclosureLocaleTemplates,
} from "./disclosure-templates.ts";
export { formatPercent } from "./format-percent.ts";
export { lenderStatement } from "./lender-statement.ts";
export {
  type LoanDisclosure,
  loanDisclosure,
  type PlanDisclosure,
  planDisclosure,
} from "./loan-disclosure.ts";
export { type MonthlyInterest, monthlyInterest } from "./monthly-interest.ts";
export { type NextLateFee, nextLateFee } from "./next-late-fee.ts";
export { type PlanTermsTemplates, planTermsLines } from "./plan-terms-lines.ts";
