// A SHA-256 over the schedules and loan states of seeded random loans: proves that a change to
// the core's speed left every amount, date and status exactly as it was.
import { createHash } from "node:crypto";
import { type Loan, loanStateAsOf } from "../../core/ledger/index.ts";
import { rate } from "../../core/money/rate.ts";
import { generateSchedule } from "../../core/schedule/index.ts";
import { seededRandom } from "../prng.ts";
import { randomActivity, randomLoanSpec } from "../random-loans.ts";

/**
 * Canonical text of a value: object keys sorted, bigints as `123n`, undefined properties left
 * out (as JSON does). Independent of the order in which code builds an object's fields.
 */
export function canonical(value: unknown): string {
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let text = "[";
    for (let i = 0; i < value.length; i++) text += (i === 0 ? "" : ",") + canonical(value[i]);
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = "{";
  for (const key of keys) {
    const field = record[key];
    if (field === undefined) continue;
    text += `${text.length === 1 ? "" : ","}${JSON.stringify(key)}:${canonical(field)}`;
  }
  return `${text}}`;
}

/**
 * SHA-256 (hex) over `count` random loans of bench:core's generator from `seed`: for each,
 * the canonical schedule and the canonical loan state after its random payments.
 */
export function coreFingerprint(count: number, seed: number): string {
  const random = seededRandom(seed);
  const hash = createHash("sha256");
  for (let i = 0; i < count; i++) {
    const spec = randomLoanSpec(random);
    const schedule = generateSchedule(spec.terms);
    const loan: Loan = {
      terms: spec.terms,
      schedule,
      ...(spec.lateFee ? { lateFee: spec.lateFee } : {}),
      ...(spec.rateCapBps ? { rateCap: rate(BigInt(spec.rateCapBps), 10_000n) } : {}),
    };
    const { transactions, asOf } = randomActivity(random, spec.terms, schedule);
    hash.update(canonical(schedule));
    hash.update("\n");
    hash.update(canonical(loanStateAsOf(loan, transactions, asOf)));
    hash.update("\n");
  }
  return hash.digest("hex");
}
