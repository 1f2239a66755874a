// Public API of payment allocation: named strategies and the waterfall itself.

export { allocatePayment, type PaymentAllocation } from "./allocate-payment.ts";
export {
  ALLOCATION_STRATEGIES,
  allocationStrategy,
  interestPrincipalFees,
  mifosStandard,
} from "./strategies.ts";
export type { AllocationStrategy } from "./strategy.ts";
