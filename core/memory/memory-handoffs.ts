// In-memory HandoffStore: at most one open or claimed handoff per borrower; one agent claims it.
import type { Handoff, HandoffStore } from "../ports/handoffs.ts";
import { toInstant } from "../store/instant.ts";
import { byKeyThenId } from "../store/key-then-id.ts";
import { pageLimit } from "../store/page-limit.ts";
import { notFound } from "../store/store-errors.ts";
import { type MemoryContext, requireBorrower, requireLoan } from "./memory-context.ts";

type Row = { -readonly [K in keyof Handoff]: Handoff[K] };

const isActive = (handoff: Handoff) => handoff.status === "open" || handoff.status === "claimed";

export function memoryHandoffs(context: MemoryContext): HandoffStore {
  const handoffs = new Map<string, Row>();
  const view = (row: Row): Handoff => ({ ...row });

  function row(id: string): Row {
    const found = handoffs.get(id);
    if (!found) throw notFound("handoff", id);
    return found;
  }

  function active(borrowerId: string): Row | undefined {
    return [...handoffs.values()]
      .filter((handoff) => handoff.borrowerId === borrowerId && isActive(handoff))
      .sort(byKeyThenId((handoff) => handoff.createdAt))
      .at(-1);
  }

  return {
    async open(borrowerId, reason, at, loanId) {
      const createdAt = toInstant(at, "at");
      requireBorrower(context, borrowerId);
      const current = active(borrowerId);
      if (current) return { handoff: view(current), created: false };
      if (loanId !== undefined) requireLoan(context, loanId);
      const handoff: Row = {
        id: context.ids(),
        borrowerId,
        ...(loanId !== undefined ? { loanId } : {}),
        status: "open",
        reason,
        createdAt,
      };
      handoffs.set(handoff.id, handoff);
      return { handoff: view(handoff), created: true };
    },

    async byId(id) {
      const found = handoffs.get(id);
      return found && view(found);
    },

    async active(borrowerId) {
      const current = active(borrowerId);
      return current && view(current);
    },

    async activeFor(borrowerIds) {
      const found = new Map<string, Handoff>();
      for (const borrowerId of borrowerIds) {
        const current = active(borrowerId);
        if (current) found.set(borrowerId, view(current));
      }
      return found;
    },

    async claim(id, agent, at) {
      toInstant(at, "at");
      const found = handoffs.get(id);
      if (found?.status !== "open") return undefined;
      found.status = "claimed";
      found.claimedBy = agent;
      return view(found);
    },

    async setThread(id, slackChannel, slackThreadTs) {
      const found = row(id);
      found.slackChannel = slackChannel;
      found.slackThreadTs = slackThreadTs;
    },

    async release(id, at) {
      toInstant(at, "at");
      row(id).status = "released";
    },

    async byThread(slackChannel, slackThreadTs) {
      const found = [...handoffs.values()]
        .filter((h) => h.slackChannel === slackChannel && h.slackThreadTs === slackThreadTs)
        .sort(byKeyThenId((handoff) => handoff.createdAt))
        .at(-1);
      return found && view(found);
    },

    async listActive(limit) {
      const take = pageLimit(limit);
      return [...handoffs.values()]
        .filter(isActive)
        .sort(byKeyThenId((handoff) => handoff.createdAt))
        .slice(0, take)
        .map(view);
    },
  };
}
