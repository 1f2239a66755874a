// A payment allocation strategy: the order in which open amounts are paid.
import type { Component } from "../installments/book.ts";

/**
 * Installments are always served oldest first; within each, the strategy names the order of
 * components. Past-due installments come before the current one by construction.
 */
export interface AllocationStrategy {
  readonly name: string;
  readonly componentOrder: readonly Component[];
}
