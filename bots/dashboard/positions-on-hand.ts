// Makes sure the positions of the dates a page shows exist, computing only the missing dates.
import type { IsoDate } from "../../core/dates/index.ts";
import { type PositionSources, refreshPositions } from "../report/refresh-positions.ts";

/**
 * A date's positions are computed once per process unless asked again (`refresh`): a page
 * then reads only SQL sums. `repay report portfolio` and the Recompute button refresh a date.
 */
export function positionsOnHand(store: PositionSources) {
  const done = new Map<IsoDate, Promise<number>>();
  return {
    async ensure(dates: readonly IsoDate[]): Promise<void> {
      const present = new Set((await store.portfolio.bucketHistory(dates)).map((f) => f.asOf));
      for (const date of dates) {
        if (present.has(date) || done.has(date)) continue;
        done.set(date, refreshPositions(store, date));
      }
      await Promise.all(dates.map((d) => done.get(d)));
    },
    refresh(date: IsoDate): Promise<number> {
      const run = refreshPositions(store, date);
      done.set(date, run);
      return run;
    },
  };
}

export type PositionsOnHand = ReturnType<typeof positionsOnHand>;
