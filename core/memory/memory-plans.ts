// In-memory PlanStore: proposals and their acceptance, accepted at most once.
import type { PlanStore, StoredPlan } from "../ports/plans.ts";
import { toInstant } from "./instant.ts";
import { type MemoryContext, requireLoan } from "./memory-context.ts";

export function memoryPlans(context: MemoryContext): PlanStore {
  const plans = new Map<string, StoredPlan>();
  return {
    async propose(loanId, option, proposedBy, at) {
      requireLoan(context, loanId);
      const plan: StoredPlan = {
        id: context.ids(),
        loanId,
        status: "proposed",
        option,
        proposedBy,
        proposedAt: toInstant(at, "at"),
      };
      plans.set(plan.id, plan);
      return plan;
    },
    async byId(id) {
      return plans.get(id);
    },
    async accept(id, at) {
      const plan = plans.get(id);
      if (plan?.status !== "proposed") return undefined;
      const accepted: StoredPlan = { ...plan, status: "accepted", acceptedAt: toInstant(at, "at") };
      plans.set(id, accepted);
      return accepted;
    },
    async setStatus(id, status) {
      const plan = plans.get(id);
      if (plan) plans.set(id, { ...plan, status });
    },
    async forLoan(loanId) {
      return [...plans.values()]
        .filter((p) => p.loanId === loanId)
        .sort((a, b) =>
          a.proposedAt === b.proposedAt
            ? a.id < b.id
              ? 1
              : -1
            : a.proposedAt < b.proposedAt
              ? 1
              : -1,
        );
    },
  };
}
