// Deterministic, varied loans for the core benchmark: terms, late-fee rules and payments.
import { addDays, daysBetween, type IsoDate } from "../core/dates/iso-date.ts";
import type { LateFeeTerms } from "../core/fees/late-fee-terms.ts";
import type { Transaction } from "../core/ledger/index.ts";
import { type Money, money } from "../core/money/money.ts";
import { rate } from "../core/money/rate.ts";
import {
  AMORTIZATION_METHODS,
  DAY_COUNTS,
  FREQUENCIES,
  INTEREST_METHODS,
  type Installment,
  installmentTotal,
  type LoanTerms,
} from "../core/schedule/index.ts";
import type { Random } from "./prng.ts";

/** Minor-unit scale per currency, so principals are realistic in each (JPY 0, USD 2, KWD 3). */
const CURRENCIES = [
  { code: "USD", unit: 100n },
  { code: "EUR", unit: 100n },
  { code: "JPY", unit: 1n },
  { code: "KWD", unit: 1000n },
] as const;

export interface BenchLoanSpec {
  readonly terms: LoanTerms;
  readonly lateFee?: LateFeeTerms;
  readonly rateCapBps?: number;
}

/** Terms with principal 100..50,000 major units, rate 0-36%, 3-60 installments, every method. */
export function randomLoanSpec(random: Random): BenchLoanSpec {
  const currency = random.pick(CURRENCIES);
  const frequency = random.pick(FREQUENCIES);
  const termCount = random.int(3, 60);
  const disbursedOn = addDays("2024-01-01", random.int(0, 900));
  const terms: LoanTerms = {
    principal: money(BigInt(random.int(100, 50_000)) * currency.unit, currency.code),
    annualRate: rate(BigInt(random.int(0, 3600)), 10_000n),
    termCount,
    frequency,
    disbursedOn,
    method: random.pick(AMORTIZATION_METHODS),
    interest: random.pick(INTEREST_METHODS),
    dayCount: random.pick(DAY_COUNTS),
    ...(random.chance(0.3) ? { firstDueDate: addDays(disbursedOn, random.int(7, 45)) } : {}),
    ...(random.chance(0.1) ? { graceOnPrincipal: random.int(0, Math.min(3, termCount - 1)) } : {}),
  };
  if (!random.chance(0.7)) return { terms };
  const unit = currency.unit;
  const lateFee: LateFeeTerms = {
    graceDays: random.int(0, 15),
    ...(random.chance(0.7) ? { flat: money(BigInt(random.int(1, 40)) * unit, currency.code) } : {}),
    ...(random.chance(0.5) ? { percent: rate(BigInt(random.int(1, 1000)), 10_000n) } : {}),
    ...(random.chance(0.5)
      ? { cap: money(BigInt(random.int(20, 200)) * unit, currency.code) }
      : {}),
  };
  return { terms, lateFee, ...(random.chance(0.3) ? { rateCapBps: random.int(3600, 6000) } : {}) };
}

/**
 * 0-15 payments between disbursement and a little past the last due date, each 20%-160% of
 * an installment (so loans end up early, on time, late and overpaid), and an as-of date.
 */
export function randomActivity(
  random: Random,
  terms: LoanTerms,
  schedule: readonly Installment[],
): { transactions: Transaction[]; asOf: IsoDate } {
  const last = schedule.at(-1)?.dueDate ?? terms.disbursedOn;
  const span = Math.max(1, daysBetween(terms.disbursedOn, last) + 60);
  const typical = schedule[0] ? installmentTotal(schedule[0]) : 1n;
  const count = random.int(0, 15);
  const transactions: Transaction[] = [];
  for (let k = 0; k < count; k++) {
    const share = BigInt(random.int(20, 160));
    const minor = (typical * share) / 100n;
    if (minor <= 0n) continue;
    const amount: Money = money(minor, terms.principal.currency);
    transactions.push({
      type: "payment",
      date: addDays(terms.disbursedOn, random.int(1, span)),
      amount,
    });
  }
  return { transactions, asOf: addDays(terms.disbursedOn, random.int(1, span)) };
}
