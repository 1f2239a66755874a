// In-memory HandoffStore: one active handoff per borrower, claimed by one agent.
import type { Handoff, HandoffStore } from "../ports/handoffs.ts";
import { toInstant } from "./instant.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";
import { pageLimit } from "./page-limit.ts";

export function memoryHandoffs(context: MemoryContext): HandoffStore {
  const handoffs = new Map<string, Handoff>();
  const isActive = (h: Handoff) => h.status === "open" || h.status === "claimed";
  const update = (id: string, change: Partial<Handoff>) => {
    const current = handoffs.get(id);
    if (current) handoffs.set(id, { ...current, ...change });
    return handoffs.get(id);
  };
  return {
    async open(borrowerId, reason, at, loanId) {
      requireBorrower(context, borrowerId);
      const existing = [...handoffs.values()].find(
        (h) => h.borrowerId === borrowerId && isActive(h),
      );
      if (existing) return { handoff: existing, created: false };
      const handoff: Handoff = {
        id: context.ids(),
        borrowerId,
        status: "open",
        reason,
        createdAt: toInstant(at, "at"),
        ...(loanId ? { loanId } : {}),
      };
      handoffs.set(handoff.id, handoff);
      return { handoff, created: true };
    },
    async active(borrowerId) {
      return [...handoffs.values()].find((h) => h.borrowerId === borrowerId && isActive(h));
    },
    async claim(id, agent) {
      const handoff = handoffs.get(id);
      if (handoff?.status !== "open") return undefined;
      return update(id, { status: "claimed", claimedBy: agent });
    },
    async setThread(id, slackChannel, slackThreadTs) {
      update(id, { slackChannel, slackThreadTs });
    },
    async release(id) {
      update(id, { status: "released" });
    },
    async byThread(slackChannel, slackThreadTs) {
      return [...handoffs.values()].find(
        (h) => h.slackChannel === slackChannel && h.slackThreadTs === slackThreadTs,
      );
    },
    async listActive(limit) {
      return [...handoffs.values()]
        .filter(isActive)
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
        .slice(0, pageLimit(limit));
    },
  };
}
