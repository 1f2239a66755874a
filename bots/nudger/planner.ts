// The nudge planner: finds loans with a nudge opportunity, asks the policy, writes outbox rows.
//
// One row per loan and cadence slot (dedupe key `<loan id>:<slot key>`), so two planners at
// once, or one run twice, write each nudge once. Loans of one borrower are planned as separate
// rows at the same instant and the dispatcher sends the rows of one borrower it claims
// together as ONE message (one provider message id on every row), which the policy's caps
// count once. The caps are per borrower (decide() reads every sent row of the borrower).
import type { IsoDate } from "../../core/dates/index.ts";
import {
  type BorrowerContext,
  type ContactProfile,
  cadenceContext,
  type DecisionListener,
  loanTodayFrom,
  nudgeOpportunity,
  policyPauses,
} from "../../core/policy/index.ts";
import type {
  Borrower,
  Channel,
  DuePage,
  PromiseToPay,
  Store,
  StoredLoan,
  StoredTransaction,
} from "../../core/ports/index.ts";
import { loadBorrowerContexts } from "./borrower-context.ts";
import { forEachLimit, groupBy } from "./for-each-limit.ts";
import { type PagePlan, type PageWrites, type PlannedLoan, planLoan } from "./plan-loan.ts";
import { primeNextNudges } from "./prime.ts";

export interface PlannerDeps {
  readonly store: Store;
  readonly profile: ContactProfile;
  /** Channels nudges may go out on, preferred first. Default ["telegram"]. */
  readonly channels?: readonly Channel[];
  /** Loans read per page: memory stays bounded by this. Default 200. */
  readonly pageSize?: number;
  /** Borrowers decided at once (round trips overlap on PostgreSQL). Default 4. */
  readonly concurrency?: number;
  readonly onDecision?: DecisionListener;
}

export interface PlanTickResult {
  readonly primed: number;
  readonly loans: number;
  readonly planned: number;
  readonly deferred: number;
  readonly suppressed: number;
}

type Counts = { -readonly [K in keyof PlanTickResult]: PlanTickResult[K] };

/**
 * One planner pass at `now`: primes new loans, then pages through loans due for a look
 * (nextNudgeAt <= now) and gives each a decision and a new nextNudgeAt after `now`.
 *
 * @example await planTick({ store, profile: contactProfile("default") }, new Date().toISOString())
 */
export async function planTick(deps: PlannerDeps, now: string): Promise<PlanTickResult> {
  const pageSize = deps.pageSize ?? 200;
  const counts: Counts = { primed: 0, loans: 0, planned: 0, deferred: 0, suppressed: 0 };
  counts.primed = await primeNextNudges(deps.store, now);
  const read = (after?: { at: string; id: string }) =>
    settledLater(
      deps.store.planning
        .duePage(now, pageSize, after)
        .then((page) => preparePage(deps, page, now)),
    );
  // Two pages in flight: the next page is read (and its loans' states computed and contact
  // records asked for), and this one's writes go out, while this one is decided. The
  // planner's writes never change what a later page reads: its cursor is past the loans
  // written, and planned outbox rows are not contacts the caps count.
  let reading = read();
  let writing: Promise<void> = Promise.resolve();
  try {
    for (;;) {
      const prepared = await reading;
      const { loans } = prepared.page;
      if (loans.length === 0) break;
      const last = loans.at(-1) as StoredLoan;
      const more = loans.length === pageSize;
      if (more) reading = read({ at: last.nextNudgeAt ?? now, id: last.id });
      const writes = await planPage(deps, prepared, now, counts);
      await writing;
      writing = settledLater(writePage(deps.store, writes));
      counts.loans += loans.length;
      if (!more) break;
    }
    await writing;
  } finally {
    // A failed pass still waits for what it started, so nothing is written after it returns.
    await Promise.allSettled([reading.then((prepared) => prepared.contexts), writing]);
  }
  return counts;
}

/** `promise`, with its rejection observed now and rethrown to whoever awaits it later. */
function settledLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** One borrower's loans on the page, and whether any of them is on a cadence date today. */
interface BorrowerLoans {
  readonly borrower: Borrower;
  readonly views: readonly PlannedLoan[];
  readonly inCadence: boolean;
}

/** A page read, its loans grouped by borrower with today's states, and the contact records asked for. */
interface PreparedPage {
  readonly page: DuePage;
  readonly groups: readonly BorrowerLoans[];
  /** The contact records of the borrowers on a cadence date, read in one batch. */
  readonly contexts: Promise<Map<string, BorrowerContext>>;
}

/** Groups a page's loans by borrower, computes their states, and asks for the contact records. */
function preparePage(deps: PlannerDeps, page: DuePage, now: string): PreparedPage {
  const { borrowers, promises, transactions } = page;
  const groups: BorrowerLoans[] = [];
  for (const loans of groupBy(page.loans, (loan) => loan.borrowerId)) {
    const borrower = borrowers.get((loans[0] as StoredLoan).borrowerId);
    if (!borrower) continue;
    const owed = promises.get(borrower.id) ?? [];
    groups.push(borrowerLoans(deps.profile, borrower, loans, owed, transactions, now));
  }
  const contexts = settledLater(
    loadBorrowerContexts(
      deps.store,
      groups.filter((group) => group.inCadence).map((group) => group.borrower.id),
      now,
      deps.channels ?? ["telegram"],
      { borrowers, promises },
    ),
  );
  return { page, groups, contexts };
}

/**
 * Decides one prepared page: each decision queued with its outbox row (if any) and the loan's
 * new nextNudgeAt for the page's write.
 */
async function planPage(
  deps: PlannerDeps,
  { page, groups, contexts: reading }: PreparedPage,
  now: string,
  counts: Counts,
): Promise<PageWrites> {
  const concurrency = deps.concurrency ?? 4;
  const contexts = await reading;
  const writes: PageWrites = { nudges: [], reports: [], next: [] };
  const plan: PagePlan = {
    profile: deps.profile,
    onDecision: deps.onDecision,
    counts,
    writes,
    now,
  };
  await forEachLimit(groups, concurrency, async ({ borrower, views, inCadence }) => {
    const context =
      contexts.get(borrower.id) ?? betweenCadenceDates(borrower, page.promises.get(borrower.id));
    for (const view of views) writes.next.push(planLoan(plan, context, view, inCadence));
  });
  return writes;
}

/**
 * The page's nudges and every loan's new nextNudgeAt in one write; then every decision is
 * reported, in the order made. A crash before the write only has the page planned again: the
 * dedupe keys hold.
 */
async function writePage(store: Store, writes: PageWrites): Promise<void> {
  const planned = await store.planning.writePage(writes.nudges, writes.next);
  for (const report of writes.reports) report(planned);
}

/**
 * Most visits fall between cadence dates (a current loan is looked at once per slot, a
 * deferral wakes it at the next one): then the cadence alone, from the loan and its promises,
 * gives the answer, and the rest of the borrower's contact record is not read. On a cadence
 * date the whole policy runs (and again at send time).
 */
function borrowerLoans(
  profile: ContactProfile,
  borrower: Borrower,
  loans: readonly StoredLoan[],
  promises: readonly PromiseToPay[],
  transactions: ReadonlyMap<string, readonly StoredTransaction[]>,
  now: string,
): BorrowerLoans {
  const views: PlannedLoan[] = loans.map((loan) =>
    loan.status === "active"
      ? { loan, ...loanTodayFrom(loan, transactions.get(loan.id) ?? [], now, borrower.timeZone) }
      : { loan },
  );
  const inCadence = views.some(
    (view) =>
      view.state !== undefined &&
      nudgeOpportunity(
        view.state,
        cadenceContext(
          view.today as IsoDate,
          policyPauses(view.loan.id, [], promises, borrower.timeZone),
          profile,
        ),
      ) !== undefined,
  );
  return { borrower, views, inCadence };
}

/** All the cadence needs off a cadence date: the borrower and their promises. */
function betweenCadenceDates(
  borrower: Borrower,
  promises: readonly PromiseToPay[] = [],
): BorrowerContext {
  return {
    borrower,
    optedOut: [],
    unreachable: [],
    pauses: [],
    promises,
    history: [],
    inbound: [],
    handoffOpen: false,
  };
}
