// The named allocation strategies a loan can use.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { AllocationStrategy } from "./strategy.ts";

/** Fineract's mifos-standard-strategy: penalties, fees, interest, principal; oldest installment first. */
export const mifosStandard: AllocationStrategy = {
  name: "mifos-standard",
  componentOrder: ["penalties", "fees", "interest", "principal"],
};

/** Interest and principal before charges: keeps the contractual balance falling first. */
export const interestPrincipalFees: AllocationStrategy = {
  name: "interest-principal-fees",
  componentOrder: ["interest", "principal", "fees", "penalties"],
};

export const ALLOCATION_STRATEGIES: Readonly<Record<string, AllocationStrategy>> = {
  [mifosStandard.name]: mifosStandard,
  [interestPrincipalFees.name]: interestPrincipalFees,
};

export function allocationStrategy(name: string): AllocationStrategy {
  const strategy = ALLOCATION_STRATEGIES[name];
  if (!strategy) {
    throw new DomainError(ErrorCode.InvalidTerms, `unknown allocation strategy "${name}"`, {
      field: "allocation",
      known: Object.keys(ALLOCATION_STRATEGIES),
    });
  }
  return strategy;
}
