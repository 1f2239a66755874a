// In-memory DecisionLog: decisions in the order recorded, read per borrower, pruned oldest first.
import type { DecisionLog, NudgeDecision } from "../ports/decisions.ts";
import { toInstant } from "../store/instant.ts";
import { pageLimit } from "../store/page-limit.ts";
import { storedDecision } from "../store/stored-decision.ts";

export function memoryDecisions(): DecisionLog {
  let decisions: NudgeDecision[] = [];
  const view = (decision: NudgeDecision): NudgeDecision => ({
    ...decision,
    reasons: [...decision.reasons],
  });

  return {
    async appendMany(added) {
      // All or nothing: a bad instant anywhere stores none of them.
      const prepared = added.map(storedDecision);
      decisions.push(...prepared);
    },

    async forBorrower(borrowerId, since, limit) {
      const from = toInstant(since, "since");
      const take = pageLimit(limit);
      if (take === 0) return [];
      return decisions
        .map((decision, index) => ({ decision, index }))
        .filter(({ decision }) => decision.borrowerId === borrowerId && decision.at >= from)
        .sort((a, b) =>
          a.decision.at === b.decision.at
            ? a.index - b.index
            : a.decision.at < b.decision.at
              ? -1
              : 1,
        )
        .slice(-take)
        .map(({ decision }) => view(decision));
    },

    async pruneBefore(before, limit) {
      const cutoff = toInstant(before, "before");
      const take = pageLimit(limit);
      const old = decisions
        .map((decision, index) => ({ decision, index }))
        .filter(({ decision }) => decision.at < cutoff)
        .sort((a, b) =>
          a.decision.at === b.decision.at
            ? a.index - b.index
            : a.decision.at < b.decision.at
              ? -1
              : 1,
        )
        .slice(0, take);
      const gone = new Set(old.map(({ index }) => index));
      decisions = decisions.filter((_decision, index) => !gone.has(index));
      return gone.size;
    },
  };
}
