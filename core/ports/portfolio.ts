// Port: the portfolio's figures: each open loan's position on a date, and their sums by bucket.
import type { IsoDate } from "../dates/iso-date.ts";
import type { DelinquencyBucket } from "../delinquency/index.ts";
import type { PromiseToPay } from "./contact-controls.ts";
import type { Channel } from "./identities.ts";
import type { PlanStatus } from "./plans.ts";

/** Where an open loan stood on `asOf`, as core/ledger derived it (see core/portfolio). */
export interface LoanPosition {
  readonly loanId: string;
  readonly asOf: IsoDate;
  readonly daysPastDue: number;
  readonly bucket: DelinquencyBucket;
  readonly currency: string;
  /** Everything still owed on the schedule, the `outstanding.total` of `repay state`. */
  readonly outstandingMinor: bigint;
}

/** Open loans of one currency in one bucket on one date. */
export interface BucketFigure {
  readonly asOf: IsoDate;
  readonly bucket: DelinquencyBucket;
  readonly currency: string;
  readonly loans: number;
  readonly outstandingMinor: bigint;
}

/** How many loans in bucket `from` on one date were in bucket `to` on a later one. */
export interface RollFigure {
  readonly from: DelinquencyBucket;
  /** "closed": no open position on the later date (paid off, written off). */
  readonly to: DelinquencyBucket | "closed";
  readonly loans: number;
}

/** Counts that are not positions: promises and plans by status, automated contacts by channel. */
export interface PortfolioCounts {
  readonly promises: Readonly<Record<PromiseToPay["status"], number>>;
  readonly plans: Readonly<Record<PlanStatus, number>>;
  /** Sent nudges whose sentAt lies in [since, until), by channel; channels with none absent. */
  readonly contacts: Readonly<Partial<Record<Channel, number>>>;
}

/** Payments received in one week (Monday to Sunday, by value date) in one currency. */
export interface CollectedWeek {
  /** The Monday the week starts on. */
  readonly week: IsoDate;
  readonly currency: string;
  readonly payments: number;
  readonly amountMinor: bigint;
}

/** The loans whose position on a date may have moved since that date's positions were written. */
export interface ChangedLoans {
  readonly loanIds: readonly string[];
  /** The mark (see `changeMark`) the changes were read at: pass it to `updatePositions`. */
  readonly mark: string;
}

export interface PortfolioStore {
  /**
   * An opaque mark of the book as it is now, taken before reading the loans positions are
   * computed from: any change the reads could miss counts as changed after it.
   */
  changeMark(): Promise<string>;
  /**
   * Replaces the positions of `asOf` with `positions` (all of them on that date): a loan no
   * longer open on that date drops out. Rejects a position of another date. `mark` is the
   * `changeMark` taken before the positions were read (default: one taken now).
   */
  replacePositions(asOf: IsoDate, positions: readonly LoanPosition[], mark?: string): Promise<void>;
  /**
   * For each of `dates` that has positions: the loans that changed (a transaction, new terms,
   * a new loan) since they were written or last brought up to date. A date without positions
   * is absent. A store that cannot tell names every loan it knows.
   */
  changedLoans(dates: readonly IsoDate[]): Promise<Map<IsoDate, ChangedLoans>>;
  /**
   * Replaces the positions of `loanIds` on `asOf` with `positions` (a loan of `loanIds` with
   * no position there is not open that day), keeping the date's sums and roll rates in step;
   * the date then counts as up to date at `mark` (from `changedLoans`).
   */
  updatePositions(
    asOf: IsoDate,
    loanIds: readonly string[],
    positions: readonly LoanPosition[],
    mark: string,
  ): Promise<void>;
  /** Positions on `asOf` summed by bucket and currency, in bucket order, then currency. */
  bucketFigures(asOf: IsoDate): Promise<BucketFigure[]>;
  /** `bucketFigures` for several dates at once, by date, then bucket, then currency. */
  bucketHistory(dates: readonly IsoDate[]): Promise<BucketFigure[]>;
  /** Loans by bucket on `from` against their bucket on `to` (kept with the positions when both dates have them). */
  rollRates(from: IsoDate, to: IsoDate): Promise<RollFigure[]>;
  /** The positions behind a figure: `asOf`, optionally one bucket, by loan id, at most `limit`. */
  positions(
    asOf: IsoDate,
    bucket: DelinquencyBucket | undefined,
    limit: number,
  ): Promise<LoanPosition[]>;
  counts(since: string, until: string): Promise<PortfolioCounts>;
  /**
   * Payments with a value date in [from, to], summed by week and currency, by week then
   * currency (kept per value date as payments are written, so this reads a few rows).
   */
  collected(from: IsoDate, to: IsoDate): Promise<CollectedWeek[]>;
}
