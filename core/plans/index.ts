// Public API of plans: options for a loan in arrears, and accepting one.

export { acceptPlan } from "./accept-plan.ts";
export { DEFAULT_CATCH_UP_COUNT } from "./catch-up.ts";
export { MAX_HARDSHIP_PERIODS } from "./hardship.ts";
export type { PlanKind, PlanNotOffered, PlanOption, PlanRequest } from "./plan-option.ts";
export { type PlanOptions, planOptions } from "./plan-options.ts";
