// Shared test builders: borrowers and loans in a store, loan JSON for the `repay` CLI, coded-error matchers.
import { expect } from "vitest";
import type {
  Borrower,
  BorrowerInput,
  LoanInput,
  Store,
  StoredLoan,
} from "../../core/ports/index.ts";
import { termsOf, usd } from "./loans.ts";

const run = Math.random().toString(36).slice(2, 8);
let counter = 0;

/** "B-x7k2qa-0007": unique within and across runs sharing a database, in creation order. */
export function uniqueRef(prefix: string): string {
  counter += 1;
  return `${prefix}-${run}-${String(counter).padStart(4, "0")}`;
}

/** Alex Morgan, English, in New York, no phone on record; a fresh ref each time. */
export function borrowerInput(overrides: Partial<BorrowerInput> = {}): BorrowerInput {
  return {
    externalRef: uniqueRef("B"),
    name: "Alex Morgan",
    locale: "en",
    timeZone: "America/New_York",
    ...overrides,
  };
}

/**
 * A borrower stored in `store`, from `borrowerInput(overrides)`.
 *
 * @example const borrower = await givenBorrower(store, { locale: "zh-CN", timeZone: "Asia/Shanghai" });
 */
export async function givenBorrower(
  store: Store,
  overrides: Partial<BorrowerInput> = {},
): Promise<Borrower> {
  return (await store.borrowers.upsert(borrowerInput(overrides))).borrower;
}

/** A loan of `borrowerId` on the standard terms (`termsOf()`: 1200.00 USD, 12 months); a fresh ref. */
export function loanInput(borrowerId: string, overrides: Partial<LoanInput> = {}): LoanInput {
  return { externalRef: uniqueRef("L"), borrowerId, terms: termsOf(), ...overrides };
}

/** A loan stored in `store`, for a new borrower unless `overrides.borrowerId` names one. */
export async function givenLoan(
  store: Store,
  overrides: Partial<LoanInput> = {},
): Promise<StoredLoan> {
  const borrowerId = overrides.borrowerId ?? (await givenBorrower(store)).id;
  return (await store.loans.upsert(loanInput(borrowerId, overrides))).loan;
}

/**
 * A borrower with something in every part of a chat's inbound read: an active loan, a payment
 * of 107.17 on it (2026-02-15) and an unreachable pause.
 */
export async function givenBorrowerWithHistory(
  store: Store,
  overrides: Partial<BorrowerInput> = {},
): Promise<Borrower> {
  const borrower = await givenBorrower(store, overrides);
  const loan = await givenLoan(store, { borrowerId: borrower.id });
  await store.transactions.record(loan.id, uniqueRef("tx"), {
    type: "payment",
    date: "2026-02-15",
    amount: usd("107.17"),
  });
  await store.contact.pause({ borrowerId: borrower.id, reason: "unreachable", createdBy: "test" });
  return borrower;
}

/** Matches a thrown DomainError by its stable code: `expect(fn).toThrow(domainErrorWithCode(...))`. */
export function domainErrorWithCode(code: string) {
  return expect.objectContaining({ name: "DomainError", code });
}

/** Loan terms as the CLI reads them: amounts and rates are decimal strings. */
export interface TermsJson {
  principal: string;
  currency: string;
  annualRate: string;
  termCount: number;
  frequency: "monthly" | "biweekly" | "weekly";
  disbursedOn: string;
  firstDueDate?: string;
  method: "annuity" | "equal-principal";
  interest?: "declining" | "flat";
  dayCount?: "30/360" | "actual/365";
  graceOnPrincipal?: number;
}

export interface LateFeeJson {
  flat?: string;
  percent?: string;
  graceDays?: number;
  cap?: string;
}

export type TransactionJson =
  | { type: "payment" | "fee"; date: string; amount: string }
  | { type: "waiver"; date: string; amount: string; component?: "fees" | "penalties" }
  | { type: "reschedule"; date: string; plan?: string; installments: unknown[] };

/**
 * 1200.00 USD at 12.99% over 12 monthly annuity installments, disbursed 2026-01-15 and first
 * due 2026-02-15 (30/360, declining), with overrides.
 *
 * @example usdTerms({ termCount: 24, method: "equal-principal" })
 */
export function usdTerms(overrides: Partial<TermsJson> = {}): TermsJson {
  return {
    principal: "1200.00",
    currency: "USD",
    annualRate: "0.1299",
    termCount: 12,
    frequency: "monthly",
    disbursedOn: "2026-01-15",
    firstDueDate: "2026-02-15",
    method: "annuity",
    interest: "declining",
    dayCount: "30/360",
    ...overrides,
  };
}

/**
 * JSON for `repay state` and `repay plans`: a loan (terms plus optional late fee and rate cap),
 * its transactions and the as-of date.
 *
 * @example loanJson({ asOf: "2026-04-01", lateFee: { flat: "15.00", graceDays: 3 } })
 */
export function loanJson(
  options: {
    terms?: TermsJson;
    lateFee?: LateFeeJson;
    rateCap?: string;
    transactions?: TransactionJson[];
    asOf?: string;
    affordable?: string;
    maxTermCount?: number;
  } = {},
) {
  const { terms = usdTerms(), lateFee, rateCap, transactions = [], asOf = "2026-04-01" } = options;
  return {
    loan: {
      ...terms,
      ...(lateFee ? { lateFee } : {}),
      ...(rateCap ? { rateCap } : {}),
    },
    transactions,
    asOf,
    ...(options.affordable ? { affordable: options.affordable } : {}),
    ...(options.maxTermCount ? { maxTermCount: options.maxTermCount } : {}),
  };
}

export function paymentJson(date: string, amount: string): TransactionJson {
  return { type: "payment", date, amount };
}
