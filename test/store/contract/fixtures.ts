// Builders for the store contract: borrowers, loans and nudges with unique refs and keys.
import { expect } from "vitest";
import type { Borrower, BorrowerInput } from "../../../core/ports/borrowers.ts";
import type { LoanInput, StoredLoan } from "../../../core/ports/loans.ts";
import type { PlannedNudge } from "../../../core/ports/outbox.ts";
import type { Store } from "../../../core/ports/store.ts";
import { termsOf } from "../../helpers/loans.ts";

const run = Math.random().toString(36).slice(2, 8);
let counter = 0;

/** "B-x7k2qa-0007": unique within and across runs sharing a database. */
export function uniqueRef(prefix: string): string {
  counter += 1;
  return `${prefix}-${run}-${String(counter).padStart(4, "0")}`;
}

/** A never-issued id, valid in every backend. */
export const UNKNOWN_ID = "00000000-0000-7000-8000-000000000000";

export function borrowerInput(overrides: Partial<BorrowerInput> = {}): BorrowerInput {
  return {
    externalRef: uniqueRef("B"),
    name: "Mei Chen",
    phone: "+447700900123",
    locale: "en",
    timeZone: "Europe/London",
    ...overrides,
  };
}

export async function givenBorrower(
  store: Store,
  overrides: Partial<BorrowerInput> = {},
): Promise<Borrower> {
  return (await store.borrowers.upsert(borrowerInput(overrides))).borrower;
}

export function loanInput(borrowerId: string, overrides: Partial<LoanInput> = {}): LoanInput {
  return { externalRef: uniqueRef("L"), borrowerId, terms: termsOf(), ...overrides };
}

export async function givenLoan(
  store: Store,
  overrides: Partial<LoanInput> = {},
): Promise<StoredLoan> {
  const borrowerId = overrides.borrowerId ?? (await givenBorrower(store)).id;
  return (await store.loans.upsert(loanInput(borrowerId, overrides))).loan;
}

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
