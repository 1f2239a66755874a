// The shape of disclosure templates per locale and the `{variables}` each one takes.

/** The variables of each disclosure template. Templates hold no digits of their own. */
export const DISCLOSURE_VARIABLES = {
  /** The next late fee: the installment it is charged on, the day, the exact amount. */
  nextFee: ["dueDate", "feeDate", "fee"],
  /** The loan's fee cap or cost cap is reached, or every installment was already assessed. */
  noFurtherFees: [],
  /** The loan has no late-fee terms. */
  noLateFees: [],
  /** Declining balance: interest per month at today's principal balance. */
  interestOnBalance: ["interest", "rate", "balance"],
  /** Flat interest: interest per month on the principal borrowed. */
  interestOnPrincipal: ["interest", "rate", "balance"],
  /** One loan's line in a nudge about several loans. */
  forLoan: ["loanRef", "line"],
  /** A plan's rate: the loan's rate throughout. */
  planRate: ["rate"],
  /** A hardship plan's rate: none on the reduced installments, then the loan's rate. */
  planRateFrozen: ["count", "rate"],
  /** What a missed plan installment costs, from the plan's own schedule. */
  planMissedFee: ["dueDate", "feeDate", "fee"],
  /** A missed plan installment adds no fee (cap reached or no late-fee terms). */
  planMissedNoFee: [],
  /**
   * The lender's own statement on credit reporting and collections, verbatim. Empty by default:
   * the product never says what a lender has not configured.
   */
  lenderStatement: [],
} as const satisfies Record<string, readonly string[]>;

export type DisclosureKey = keyof typeof DISCLOSURE_VARIABLES;

/** One locale's disclosure templates. */
export type DisclosureLocaleTemplates = { readonly [K in DisclosureKey]: string };
