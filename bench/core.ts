// Core throughput benchmark: schedules, installments and loan states per second (wall and CPU), plus peak RSS.
//   npm run bench:core               100,000 loans
//   npm run bench:core -- --loans 5000 --seed 7
//   npm run bench:core -- --fingerprint 20000   SHA-256 over 20,000 loans' schedules and states
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { type Loan, loanStateAsOf, type Transaction } from "../core/ledger/index.ts";
import { rate } from "../core/money/rate.ts";
import { generateSchedule, type Installment } from "../core/schedule/index.ts";
import { coreFingerprint } from "./lib/core-fingerprint.ts";
import { seededRandom } from "./prng.ts";
import { type BenchLoanSpec, randomActivity, randomLoanSpec } from "./random-loans.ts";

const { values } = parseArgs({
  options: {
    loans: { type: "string", default: "100000" },
    seed: { type: "string", default: "20260115" },
    batch: { type: "string", default: "1000" },
    fingerprint: { type: "string", default: "2000" },
  },
});
const loanCount = positiveInt("loans", values.loans);
const seed = positiveInt("seed", values.seed);
const batchSize = positiveInt("batch", values.batch);
const fingerprintLoans = positiveInt("fingerprint", values.fingerprint);

function positiveInt(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) {
    process.stderr.write(`error: --${name}: must be a positive whole number\n`);
    process.exit(1);
  }
  return value;
}

interface Totals {
  scheduleMs: number;
  stateMs: number;
  /** CPU time (user + system) of the same timed spans: what a busy, shared machine cannot inflate. */
  scheduleCpuMs: number;
  stateCpuMs: number;
  installments: number;
  transactions: number;
  /** Sum of payoffs in minor units: keeps the work observable and proves determinism. */
  checksum: bigint;
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

/**
 * Loans are processed in batches so memory stays bounded: generate specs (untimed), time
 * generateSchedule over the batch, build payments from the schedules (untimed), then time
 * loanStateAsOf over the batch.
 */
function run(count: number, runSeed: number): Totals {
  const random = seededRandom(runSeed);
  const totals: Totals = {
    scheduleMs: 0,
    stateMs: 0,
    scheduleCpuMs: 0,
    stateCpuMs: 0,
    installments: 0,
    transactions: 0,
    checksum: 0n,
  };
  for (let done = 0; done < count; done += batchSize) {
    const size = Math.min(batchSize, count - done);
    const specs: BenchLoanSpec[] = Array.from({ length: size }, () => randomLoanSpec(random));

    const schedules: Installment[][] = new Array(size);
    let started = performance.now();
    let cpu = process.cpuUsage();
    for (let i = 0; i < size; i++)
      schedules[i] = generateSchedule((specs[i] as BenchLoanSpec).terms);
    totals.scheduleMs += performance.now() - started;
    totals.scheduleCpuMs += cpuMs(cpu);

    const inputs: { loan: Loan; transactions: Transaction[]; asOf: string }[] = specs.map(
      (spec, i) => {
        const schedule = schedules[i] as Installment[];
        totals.installments += schedule.length;
        const activity = randomActivity(random, spec.terms, schedule);
        totals.transactions += activity.transactions.length;
        const loan: Loan = {
          terms: spec.terms,
          schedule,
          ...(spec.lateFee ? { lateFee: spec.lateFee } : {}),
          ...(spec.rateCapBps ? { rateCap: rate(BigInt(spec.rateCapBps), 10_000n) } : {}),
        };
        return { loan, ...activity };
      },
    );

    started = performance.now();
    cpu = process.cpuUsage();
    for (const { loan, transactions, asOf } of inputs) {
      totals.checksum += loanStateAsOf(loan, transactions, asOf).payoff.minor;
    }
    totals.stateMs += performance.now() - started;
    totals.stateCpuMs += cpuMs(cpu);
  }
  return totals;
}

const wallStart = performance.now();
run(Math.min(2_000, loanCount), seed ^ 0x5eed);
const totals = run(loanCount, seed);
const wallTimed = Math.round(performance.now() - wallStart) / 1000;
const peakRssMb = Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10;
// Untimed: the same outputs as before any speed change (test/core/ledger/core-fingerprint.test.ts).
const fingerprint = {
  loans: fingerprintLoans,
  seed,
  sha256: coreFingerprint(fingerprintLoans, seed),
};
const perSec = (ms: number, count = loanCount) => Math.round((count / ms) * 1000);

process.stdout.write(
  `${JSON.stringify({
    loans: loanCount,
    schedulesPerSec: perSec(totals.scheduleMs),
    loanStatesPerSec: perSec(totals.stateMs),
    installmentsPerSec: perSec(totals.scheduleMs, totals.installments),
    // The same rates over CPU time: on a shared machine wall time also counts waiting for a core.
    perCpuSecond: {
      schedules: perSec(totals.scheduleCpuMs),
      loanStates: perSec(totals.stateCpuMs),
      installments: perSec(totals.scheduleCpuMs, totals.installments),
    },
    peakRssMb,
    node: process.version,
    seed,
    installments: totals.installments,
    payments: totals.transactions,
    scheduleMs: Math.round(totals.scheduleMs),
    loanStateMs: Math.round(totals.stateMs),
    wallSec: wallTimed,
    checksum: totals.checksum.toString(),
    fingerprint,
  })}\n`,
);
