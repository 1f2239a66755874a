// Port: the lender's payment link for a loan and amount, when the lender has one.

/** Builds a payment link for an amount; undefined when the lender has none for this loan. */
export type PayLink = (context: {
  borrowerRef: string;
  loanRef: string;
  /** Decimal string in major units, e.g. "205.08". */
  amount: string;
  currency: string;
}) => string | undefined;
