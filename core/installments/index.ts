// Public API of installments: the ledger's working record of installments, by component.
export {
  type BookInstallment,
  COMPONENTS,
  type Component,
  emptyParts,
  isOpen,
  openAmount,
  openTotalOf,
  type Parts,
  partsTotal,
} from "./book.ts";
