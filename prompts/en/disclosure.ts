// What waiting costs, in English: plain facts from the loan's own rules, never a threat.
import type { DisclosureLocaleTemplates } from "../../core/disclosure/index.ts";

export const disclosure: DisclosureLocaleTemplates = {
  nextFee:
    "If the payment due on {dueDate} is still unpaid on {feeDate}, a late fee of {fee} will be added that day.",
  noFurtherFees: "No further late fees will be added to this loan.",
  noLateFees: "This loan has no late fees.",
  interestOnBalance:
    "Interest keeps adding up: {interest} a month at {rate} a year on today's principal balance of {balance}.",
  interestOnPrincipal:
    "Interest keeps adding up: {interest} a month at {rate} a year on the {balance} you borrowed.",
  forLoan: "Loan {loanRef}: {line}",
  planRate: "Interest: {rate} a year.",
  planRateFrozen: "Interest: paused for the first {count} payments, then {rate} a year.",
  planMissedFee:
    "If a plan payment is missed: the payment due on {dueDate}, still unpaid on {feeDate}, would add a late fee of {fee}.",
  planMissedNoFee: "If a plan payment is missed, no late fee is added; the payment stays due.",
  // The lender's own statement on credit reporting and collections, shown word for word in
  // late notices. Empty: the product says nothing about either.
  lenderStatement: "",
};
