// The core's own loan-states/s over the core bench's random loans: the yardstick for the planner.
import { type Loan, loanStateAsOf } from "../../core/ledger/index.ts";
import { rate } from "../../core/money/rate.ts";
import { generateSchedule } from "../../core/schedule/index.ts";
import { seededRandom } from "../prng.ts";
import { randomActivity, randomLoanSpec } from "../random-loans.ts";

/** loanStateAsOf per wall second over `count` random loans (as bench:core times it), after a warm-up. */
export function coreLoanStatesPerSecond(count: number, seed = 20260115): number {
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
  const started = performance.now();
  for (const { loan, transactions, asOf } of inputs) loanStateAsOf(loan, transactions, asOf);
  return Math.round((count / (performance.now() - started)) * 1000);
}
