// Port: repayment plans offered to and agreed with borrowers.
import type { PlanOption } from "../plans/plan-option.ts";

export type PlanStatus = "proposed" | "accepted" | "broken" | "completed";

export interface StoredPlan {
  readonly id: string;
  readonly loanId: string;
  readonly status: PlanStatus;
  readonly option: PlanOption;
  /** "assistant", "borrower" or "agent:<id>". */
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly acceptedAt?: string;
}

export interface PlanStore {
  propose(loanId: string, option: PlanOption, proposedBy: string, at: string): Promise<StoredPlan>;
  byId(id: string): Promise<StoredPlan | undefined>;
  /**
   * Marks a proposed plan accepted; returns undefined when it is not (or no longer) proposed,
   * so a double tap on "confirm" accepts once.
   */
  accept(id: string, at: string): Promise<StoredPlan | undefined>;
  setStatus(id: string, status: PlanStatus, at: string): Promise<void>;
  /** Newest first. */
  forLoan(loanId: string): Promise<StoredPlan[]>;
}
