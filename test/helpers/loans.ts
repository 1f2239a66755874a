// Shared builders for core-level loans, payments and random loan arbitraries.
import fc from "fast-check";
import type { LateFeeTerms } from "../../core/fees/late-fee-terms.ts";
import type { Loan } from "../../core/ledger/loan.ts";
import type { Transaction } from "../../core/ledger/transaction.ts";
import { parseMoney } from "../../core/money/decimal.ts";
import { type Money, money } from "../../core/money/money.ts";
import { parseRate, rate } from "../../core/money/rate.ts";
import { generateSchedule } from "../../core/schedule/generate-schedule.ts";
import { installmentTotal } from "../../core/schedule/installment.ts";
import type { LoanTerms } from "../../core/schedule/terms.ts";

export function usd(text: string): Money<"USD"> {
  return parseMoney(text, "USD");
}

/** 1200.00 USD at 12.99% over 12 monthly installments from 2026-02-15 (30/360, annuity). */
export function termsOf(overrides: Partial<LoanTerms> = {}): LoanTerms {
  return {
    principal: usd("1200.00"),
    annualRate: parseRate("0.1299"),
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

export function loanOf(
  overrides: Partial<LoanTerms> = {},
  extra: { lateFee?: LateFeeTerms; rateCap?: string } = {},
): Loan {
  const terms = termsOf(overrides);
  return {
    terms,
    schedule: generateSchedule(terms),
    ...(extra.lateFee ? { lateFee: extra.lateFee } : {}),
    ...(extra.rateCap ? { rateCap: parseRate(extra.rateCap) } : {}),
  };
}

export function payment(date: string, amount: Money): Transaction {
  return { type: "payment", date, amount };
}

/** One payment of each installment's total on its due date. */
export function payEveryInstallmentOnTime(loan: Loan): Transaction[] {
  return loan.schedule.map((i) =>
    payment(i.dueDate, money(installmentTotal(i), i.principal.currency)),
  );
}

export const standardLateFee: LateFeeTerms = {
  flat: usd("15.00"),
  percent: parseRate("0.05"),
  graceDays: 3,
  cap: usd("60.00"),
};

/** Random loan terms across every method, frequency and day count. */
export const termsArbitrary = fc
  .record({
    currency: fc.constantFrom("USD", "JPY", "KWD"),
    principal: fc.bigInt({ min: 10_000n, max: 50_000_000n }),
    ratePermille: fc.integer({ min: 0, max: 360 }),
    termCount: fc.integer({ min: 1, max: 36 }),
    frequency: fc.constantFrom("monthly", "biweekly", "weekly"),
    method: fc.constantFrom("annuity", "equal-principal"),
    interest: fc.constantFrom("declining", "flat"),
    dayCount: fc.constantFrom("30/360", "actual/365"),
    disbursedDay: fc.integer({ min: 0, max: 700 }),
  } as const)
  .map(
    (r): LoanTerms => ({
      principal: money(r.principal, r.currency),
      annualRate: rate(BigInt(r.ratePermille), 1000n),
      termCount: r.termCount,
      frequency: r.frequency,
      method: r.method,
      interest: r.interest,
      dayCount: r.dayCount,
      disbursedOn: new Date(Date.UTC(2025, 0, 1 + r.disbursedDay)).toISOString().slice(0, 10),
    }),
  );

/** A random loan with random late-fee terms (amounts in the loan's currency) and maybe a rate cap. */
export const loanArbitrary = fc
  .record({
    terms: termsArbitrary,
    flat: fc.bigInt({ min: 0n, max: 5_000n }),
    percentPermille: fc.integer({ min: 0, max: 100 }),
    graceDays: fc.integer({ min: 0, max: 10 }),
    cap: fc.option(fc.bigInt({ min: 0n, max: 20_000n }), { nil: undefined }),
    rateCapPermille: fc.option(fc.integer({ min: 360, max: 600 }), { nil: undefined }),
  })
  .map(({ terms, flat, percentPermille, graceDays, cap, rateCapPermille }): Loan => {
    const currency = terms.principal.currency;
    return {
      terms,
      schedule: generateSchedule(terms),
      lateFee: {
        flat: money(flat, currency),
        percent: rate(BigInt(percentPermille), 1000n),
        graceDays,
        ...(cap !== undefined ? { cap: money(cap, currency) } : {}),
      },
      ...(rateCapPermille !== undefined ? { rateCap: rate(BigInt(rateCapPermille), 1000n) } : {}),
    };
  });

/** Random payments against a loan: dates within its life, amounts up to twice an installment. */
export function paymentsArbitrary(loan: Loan): fc.Arbitrary<Transaction[]> {
  const first = loan.terms.disbursedOn;
  const last = loan.schedule.at(-1)?.dueDate ?? first;
  const span = Math.max(1, (Date.parse(last) - Date.parse(first)) / 86_400_000 + 60);
  const top = (loan.schedule[0] ? installmentTotal(loan.schedule[0]) : 100n) * 2n + 1n;
  return fc
    .array(
      fc.record({
        day: fc.integer({ min: 0, max: span }),
        minor: fc.bigInt({ min: 1n, max: top }),
      }),
      { maxLength: 12 },
    )
    .map((rows) =>
      rows.map((row) =>
        payment(
          new Date(Date.parse(first) + row.day * 86_400_000).toISOString().slice(0, 10),
          money(row.minor, loan.terms.principal.currency),
        ),
      ),
    );
}
