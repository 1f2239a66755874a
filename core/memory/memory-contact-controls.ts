// In-memory ContactControls: opt-outs per channel, pauses and promises to pay.

import { parseIsoDate } from "../dates/iso-date.ts";
import { money } from "../money/money.ts";
import type { ContactControls, Pause, PromiseToPay } from "../ports/contact-controls.ts";
import type { Channel } from "../ports/identities.ts";
import { distinctIds, groupById } from "../store/group-by-id.ts";
import { toInstant } from "../store/instant.ts";
import { pageLimit } from "../store/page-limit.ts";
import { notFound } from "../store/store-errors.ts";
import { type MemoryContext, requireBorrower, requireLoan } from "./memory-context.ts";

interface PauseRow extends Pause {
  liftedAt?: string;
}

export function memoryContactControls(context: MemoryContext): ContactControls {
  const optOuts = new Map<string, Map<Channel, string>>();
  const pauses = new Map<string, PauseRow>();
  const promises = new Map<string, PromiseToPay>();

  const optedOut = (borrowerId: string): Channel[] =>
    [...(optOuts.get(borrowerId)?.keys() ?? [])].sort();

  /** The pauses of these borrowers neither lifted nor expired at `now`, by id. */
  function activeAt(borrowerIds: ReadonlySet<string>, now: string): Pause[] {
    const at = toInstant(now, "now");
    return [...pauses.values()]
      .filter((row) => borrowerIds.has(row.borrowerId))
      .filter(
        (row) =>
          (row.liftedAt === undefined || row.liftedAt > at) &&
          (row.until === undefined || row.until > at),
      )
      .map(({ liftedAt: _lifted, ...pause }) => pause)
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /** The promises of these borrowers by promised date, then id. */
  function promisesOf(borrowerIds: ReadonlySet<string>): PromiseToPay[] {
    return [...promises.values()]
      .filter((promise) => borrowerIds.has(promise.borrowerId))
      .sort((a, b) =>
        a.promisedFor === b.promisedFor
          ? a.id < b.id
            ? -1
            : 1
          : a.promisedFor < b.promisedFor
            ? -1
            : 1,
      );
  }

  return {
    async optOut(borrowerId, channel, at) {
      requireBorrower(context, borrowerId);
      const channels = optOuts.get(borrowerId) ?? new Map<Channel, string>();
      // Saying STOP twice keeps the first opt-out's time.
      if (!channels.has(channel)) channels.set(channel, toInstant(at, "at"));
      optOuts.set(borrowerId, channels);
    },

    async optIn(borrowerId, channel) {
      optOuts.get(borrowerId)?.delete(channel);
    },

    async optedOutChannels(borrowerId) {
      return optedOut(borrowerId);
    },

    async optedOutChannelsFor(borrowerIds) {
      return new Map(distinctIds(borrowerIds).map((id) => [id, optedOut(id)]));
    },

    async pause(input) {
      requireBorrower(context, input.borrowerId);
      if (input.loanId !== undefined) requireLoan(context, input.loanId);
      const pause: Pause = {
        id: context.ids(),
        borrowerId: input.borrowerId,
        ...(input.loanId !== undefined ? { loanId: input.loanId } : {}),
        reason: input.reason,
        ...(input.until !== undefined ? { until: toInstant(input.until, "until") } : {}),
        createdBy: input.createdBy,
      };
      pauses.set(pause.id, { ...pause });
      return pause;
    },

    async liftPause(id, at) {
      const row = pauses.get(id);
      if (!row) throw notFound("pause", id);
      row.liftedAt ??= toInstant(at, "at");
    },

    async activePauses(borrowerId, now) {
      return activeAt(new Set([borrowerId]), now);
    },

    async activePausesFor(borrowerIds, now) {
      const active = activeAt(new Set(borrowerIds), now);
      return groupById(borrowerIds, active, (pause) => pause.borrowerId);
    },

    async promise(input) {
      requireBorrower(context, input.borrowerId);
      requireLoan(context, input.loanId);
      const promise: PromiseToPay = {
        id: context.ids(),
        borrowerId: input.borrowerId,
        loanId: input.loanId,
        amount: money(input.amount.minor, input.amount.currency),
        promisedFor: parseIsoDate(input.promisedFor, "promisedFor"),
        status: "open",
      };
      promises.set(promise.id, promise);
      return promise;
    },

    async setPromiseStatus(id, status, at) {
      const promise = promises.get(id);
      if (!promise) throw notFound("promise", id);
      toInstant(at, "at");
      promises.set(id, { ...promise, status });
    },

    async promises(borrowerId) {
      return promisesOf(new Set([borrowerId]));
    },

    async promisesFor(borrowerIds) {
      return groupById(borrowerIds, promisesOf(new Set(borrowerIds)), (p) => p.borrowerId);
    },

    async brokenPromises(limit) {
      const take = pageLimit(limit);
      return [...promises.values()]
        .filter((promise) => promise.status === "broken")
        .sort((a, b) =>
          a.promisedFor === b.promisedFor
            ? a.id < b.id
              ? 1
              : -1
            : a.promisedFor < b.promisedFor
              ? 1
              : -1,
        )
        .slice(0, take);
    },
  };
}
