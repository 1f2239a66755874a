// What a borrower sends the assistant: typed text or a tapped choice, with when and where.
import type { Borrower } from "../ports/borrowers.ts";
import type { Channel } from "../ports/identities.ts";
import type { LoanWithTransactions } from "../ports/loans.ts";

/** A channel-neutral inbound message: typed text or a tapped choice. */
export interface Turn {
  readonly borrowerId: string;
  readonly channel: Channel;
  /** UTC ISO instant the message arrived. */
  readonly at: string;
  readonly text?: string;
  /** The `Choice.action` the borrower tapped; wins over `text` when both are present. */
  readonly action?: string;
  /**
   * The borrower's record when the channel has just read it to find who wrote (the same
   * message, not a kept copy): the assistant does not read it again. Ignored unless its id
   * is `borrowerId`.
   */
  readonly borrower?: Borrower;
  /**
   * The borrower's active loans with their transactions, read with `borrower` for this message
   * (identities.findBorrowerForMessage): the turn's first look at the loans uses them instead of
   * reading again, any later look reads. Ignored without `borrower`.
   */
  readonly activeLoans?: readonly LoanWithTransactions[];
}
