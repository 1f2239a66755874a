// In-memory PlanStore: plans proposed for a loan; a proposed plan is accepted at most once.
import type { PlanStatus, PlanStore, StoredPlan } from "../ports/plans.ts";
import { toInstant } from "../store/instant.ts";
import { planOptionFromJson, planOptionToJson } from "../store/plan-option-json.ts";
import { notFound } from "../store/store-errors.ts";
import { type MemoryContext, requireLoan } from "./memory-context.ts";

export function memoryPlans(context: MemoryContext): PlanStore {
  const plans = new Map<string, StoredPlan>();

  function save(plan: StoredPlan): StoredPlan {
    plans.set(plan.id, plan);
    return plan;
  }

  return {
    async propose(loanId, option, proposedBy, at) {
      // Through JSON and back, so the option reads back exactly as a database hands it over.
      const stored = planOptionFromJson(planOptionToJson(option));
      const proposedAt = toInstant(at, "at");
      requireLoan(context, loanId);
      return save({
        id: context.ids(),
        loanId,
        status: "proposed",
        option: stored,
        proposedBy,
        proposedAt,
      });
    },

    async byId(id) {
      return plans.get(id);
    },

    async accept(id, at) {
      const acceptedAt = toInstant(at, "at");
      const plan = plans.get(id);
      if (plan?.status !== "proposed") return undefined;
      return save({ ...plan, status: "accepted", acceptedAt });
    },

    async setStatus(id, status: PlanStatus, at) {
      const when = toInstant(at, "at");
      const plan = plans.get(id);
      if (!plan) throw notFound("plan", id);
      const acceptedAt = status === "accepted" ? (plan.acceptedAt ?? when) : plan.acceptedAt;
      const { acceptedAt: _previous, ...rest } = plan;
      save({ ...rest, status, ...(acceptedAt ? { acceptedAt } : {}) });
    },

    async forLoan(loanId) {
      return [...plans.values()]
        .filter((plan) => plan.loanId === loanId)
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
