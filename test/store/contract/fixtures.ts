// Builders for the store contract beyond the shared ones: nudges, unknown ids, store-error matchers.
import { expect } from "vitest";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { money } from "../../../core/money/money.ts";
import type { BorrowerContactRecords, Store } from "../../../core/ports/index.ts";
import type { PlannedNudge } from "../../../core/ports/outbox.ts";
import { uniqueRef } from "../../helpers/builders.ts";
import { usd } from "../../helpers/loans.ts";

/** A reschedule onto two new installments, the first carrying a fee: every field a store keeps. */
export const EXTENDED_TERM_RESCHEDULE: Transaction = {
  type: "reschedule",
  date: "2026-03-04",
  plan: "extended-term",
  installments: [1, 2].map((n) => ({
    n,
    dueDate: `2026-0${3 + n}-15`,
    principal: usd("500.00"),
    interest: usd("9.99"),
    fees: n === 1 ? usd("25.00") : money(0n, "USD"),
    penalties: money(0n, "USD"),
  })),
};

/** A never-issued id, valid in every backend. */
export const UNKNOWN_ID = "00000000-0000-7000-8000-000000000000";

export function plannedNudge(
  borrowerId: string,
  overrides: Partial<PlannedNudge> = {},
): PlannedNudge {
  return {
    dedupeKey: uniqueRef("N"),
    borrowerId,
    kind: "pre_due",
    channel: "telegram",
    plannedFor: "2026-03-01T09:00:00.000Z",
    reasonCodes: ["PRE_DUE"],
    ...overrides,
  };
}

/**
 * Matches a store error by its stable code, and some of its details when given:
 * `await expect(p).rejects.toEqual(storeError("NOT_FOUND", { kind: "loan" }))`.
 */
export function storeError(code: string, details?: Record<string, unknown>) {
  return expect.objectContaining({
    name: "DomainError",
    code,
    ...(details ? { details: expect.objectContaining(details) } : {}),
  });
}

/** "2026-03-01T10:00:00.000Z" plus `minutes`. */
export function minutesAfter(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

/**
 * What `single` answers for each of `ids`, keyed by id, leaving out undefined answers: what a
 * batch read of the same ids must equal.
 */
/** One kind of planning.contactRecords' answer, by borrower id. */
export async function contactRecordsKind<K extends keyof BorrowerContactRecords>(
  store: Store,
  kind: K,
  ids: readonly string[],
  now: string,
  reach: { since?: string; conversationDepth?: number } = {},
): Promise<Map<string, BorrowerContactRecords[K]>> {
  const records = await store.planning.contactRecords(ids, now, {
    since: reach.since ?? now,
    conversationDepth: reach.conversationDepth ?? 100,
  });
  const answers = new Map<string, BorrowerContactRecords[K]>();
  for (const [id, record] of records) {
    if (record[kind] !== undefined) answers.set(id, record[kind]);
  }
  return answers;
}

export async function eachOf<T>(
  ids: readonly string[],
  single: (id: string) => Promise<T | undefined>,
): Promise<Map<string, T>> {
  const answers = new Map<string, T>();
  for (const id of ids) {
    const answer = await single(id);
    if (answer !== undefined) answers.set(id, answer);
  }
  return answers;
}
