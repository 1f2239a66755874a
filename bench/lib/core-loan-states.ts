// The core's own loan-states/s over the core bench's random loans: the yardstick for the planner.
import { type Loan, loanStateAsOf } from "../../core/ledger/index.ts";
import { rate } from "../../core/money/rate.ts";
import { generateSchedule } from "../../core/schedule/index.ts";
import { seededRandom } from "../prng.ts";
import { randomActivity, randomLoanSpec } from "../random-loans.ts";

/** Rounds the yardstick is timed over; the median is the one reported. */
export const CORE_ROUNDS = 5;

export interface CoreLoanStates {
  /** The median round's loanStateAsOf per wall second. */
  readonly perSecond: number;
  /** Every round's, in the order timed. */
  readonly rounds: readonly number[];
}

/**
 * loanStateAsOf per wall second over `count` random loans (as bench:core times it), after a
 * warm-up: the median of `rounds` rounds over the same loans. One round after a large planner
 * pass moved by up to 1.7x between runs minutes apart on a quiet machine (garbage collection
 * of the pass's heap landing in it or not); the median of five does not follow one such round.
 */
export function coreLoanStatesPerSecond(
  count: number,
  seed = 20260115,
  rounds = CORE_ROUNDS,
): CoreLoanStates {
  const random = seededRandom(seed);
  const inputs = Array.from({ length: count }, () => {
    const spec = randomLoanSpec(random);
    const schedule = generateSchedule(spec.terms);
    const loan: Loan = {
      terms: spec.terms,
      schedule,
      ...(spec.lateFee ? { lateFee: spec.lateFee } : {}),
      ...(spec.rateCapBps ? { rateCap: rate(BigInt(spec.rateCapBps), 10_000n) } : {}),
    };
    return { loan, ...randomActivity(random, spec.terms, schedule) };
  });
  for (const { loan, transactions, asOf } of inputs.slice(0, 500)) {
    loanStateAsOf(loan, transactions, asOf);
  }
  const timed: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const { loan, transactions, asOf } of inputs) loanStateAsOf(loan, transactions, asOf);
    timed.push(Math.round((count / (performance.now() - started)) * 1000));
  }
  const sorted = [...timed].sort((a, b) => a - b);
  return { perSecond: sorted[Math.floor(sorted.length / 2)] as number, rounds: timed };
}
