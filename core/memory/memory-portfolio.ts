// In-memory PortfolioStore: positions in a map, sums as the SQL of prisma/store/portfolio.ts gives them.
import type { IsoDate } from "../dates/iso-date.ts";
import type { DelinquencyBucket } from "../delinquency/index.ts";
import { bucketRank } from "../portfolio/buckets.ts";
import { weekStart } from "../portfolio/week-start.ts";
import type { ContactControls } from "../ports/contact-controls.ts";
import type { Outbox } from "../ports/outbox.ts";
import type { PlanStore } from "../ports/plans.ts";
import type {
  BucketFigure,
  CollectedWeek,
  LoanPosition,
  PortfolioCounts,
  PortfolioStore,
  RollFigure,
} from "../ports/portfolio.ts";
import type { TransactionStore } from "../ports/transactions.ts";
import { checkPositions } from "../store/check-positions.ts";
import { toInstant } from "../store/instant.ts";
import type { MemoryContext } from "./memory-context.ts";
import { requireLoan } from "./memory-context.ts";

/** The other in-memory ports the counts read through. */
export interface PortfolioSources {
  readonly contact: ContactControls;
  readonly plans: PlanStore;
  readonly outbox: Outbox;
  readonly transactions: TransactionStore;
}

export function memoryPortfolio(context: MemoryContext, sources: PortfolioSources): PortfolioStore {
  /** asOf -> loanId -> position. */
  const byDate = new Map<IsoDate, Map<string, LoanPosition>>();

  const openOn = (asOf: IsoDate): LoanPosition[] =>
    [...(byDate.get(asOf)?.values() ?? [])].filter((p) => context.loans.has(p.loanId));

  function figures(asOf: IsoDate): BucketFigure[] {
    const sums = new Map<string, BucketFigure>();
    for (const p of openOn(asOf)) {
      const key = `${p.bucket}|${p.currency}`;
      const was = sums.get(key);
      sums.set(key, {
        asOf,
        bucket: p.bucket,
        currency: p.currency,
        loans: (was?.loans ?? 0) + 1,
        outstandingMinor: (was?.outstandingMinor ?? 0n) + p.outstandingMinor,
      });
    }
    return [...sums.values()].sort(
      (a, b) =>
        bucketRank(a.bucket) - bucketRank(b.bucket) ||
        (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0),
    );
  }

  return {
    async changeMark() {
      return context.clock();
    },
    async replacePositions(asOf, positions) {
      checkPositions(asOf, positions);
      for (const p of positions) requireLoan(context, p.loanId);
      byDate.set(asOf, new Map(positions.map((p) => [p.loanId, p])));
    },
    async changedLoans(dates) {
      // This store keeps no change times: every loan may have moved.
      const mark = context.clock();
      const loanIds = [...context.loans.keys()];
      return new Map(
        [...new Set(dates)].filter((d) => byDate.has(d)).map((d) => [d, { loanIds, mark }]),
      );
    },
    async updatePositions(asOf, loanIds, positions) {
      checkPositions(asOf, positions);
      for (const p of positions) requireLoan(context, p.loanId);
      const day = byDate.get(asOf) ?? new Map<string, LoanPosition>();
      for (const loanId of loanIds) day.delete(loanId);
      for (const p of positions) day.set(p.loanId, p);
      byDate.set(asOf, day);
    },
    async bucketFigures(asOf) {
      return figures(asOf);
    },
    async bucketHistory(dates) {
      return [...new Set(dates)].sort().flatMap(figures);
    },
    async rollRates(from, to) {
      const later = new Map(openOn(to).map((p) => [p.loanId, p.bucket]));
      const counts = new Map<string, RollFigure>();
      for (const p of openOn(from)) {
        const next: DelinquencyBucket | "closed" = later.get(p.loanId) ?? "closed";
        const key = `${p.bucket}|${next}`;
        counts.set(key, { from: p.bucket, to: next, loans: (counts.get(key)?.loans ?? 0) + 1 });
      }
      return [...counts.values()].sort(
        (a, b) => bucketRank(a.from) - bucketRank(b.from) || bucketRank(a.to) - bucketRank(b.to),
      );
    },
    async positions(asOf, bucket, limit) {
      return openOn(asOf)
        .filter((p) => bucket === undefined || p.bucket === bucket)
        .sort((a, b) => (a.loanId < b.loanId ? -1 : a.loanId > b.loanId ? 1 : 0))
        .slice(0, limit);
    },
    async collected(from, to) {
      const weeks = new Map<string, CollectedWeek>();
      for (const records of (
        await sources.transactions.forLoans([...context.loans.keys()])
      ).values()) {
        for (const { transaction: t } of records) {
          if (t.type !== "payment" || t.date < from || t.date > to) continue;
          const week = weekStart(t.date);
          const key = `${week}|${t.amount.currency}`;
          const was = weeks.get(key);
          weeks.set(key, {
            week,
            currency: t.amount.currency,
            payments: (was?.payments ?? 0) + 1,
            amountMinor: (was?.amountMinor ?? 0n) + t.amount.minor,
          });
        }
      }
      return [...weeks.values()].sort((a, b) =>
        a.week !== b.week ? (a.week < b.week ? -1 : 1) : a.currency < b.currency ? -1 : 1,
      );
    },
    async counts(since, until) {
      toInstant(since, "since");
      toInstant(until, "until");
      const borrowerIds = [...context.borrowers.keys()];
      const promises = { open: 0, kept: 0, broken: 0, closed: 0 };
      for (const list of (await sources.contact.promisesFor(borrowerIds)).values()) {
        for (const promise of list) promises[promise.status] += 1;
      }
      const plans = { proposed: 0, accepted: 0, broken: 0, completed: 0 };
      for (const loanId of context.loans.keys()) {
        for (const plan of await sources.plans.forLoan(loanId)) plans[plan.status] += 1;
      }
      const contacts: Partial<Record<string, number>> = {};
      for (const rows of (await sources.outbox.contactsSinceFor(borrowerIds, since)).values()) {
        for (const row of rows) {
          if (row.status !== "sent" || !row.sentAt || row.sentAt < since || row.sentAt >= until) {
            continue;
          }
          contacts[row.channel] = (contacts[row.channel] ?? 0) + 1;
        }
      }
      return { promises, plans, contacts } as PortfolioCounts;
    },
  };
}
