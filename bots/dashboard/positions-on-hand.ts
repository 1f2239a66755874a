// Makes the positions of the dates a page shows today's truth before the page reads their sums.
import type { IsoDate } from "../../core/dates/index.ts";
import {
  type PositionSources,
  positionsUpToDate,
  refreshPositions,
} from "../report/refresh-positions.ts";

/**
 * Before a page reads a date: a date never computed is computed whole, and on the others the
 * loans that changed since (payments, imports, waivers) are recomputed. Pages of one process
 * take turns, so a render never waits on a half-written date of another. The Recompute
 * button recomputes today whole.
 */
export function positionsOnHand(store: PositionSources) {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work, work);
    turn = run.catch(() => undefined);
    return run;
  };
  return {
    ensure(dates: readonly IsoDate[]): Promise<void> {
      return inTurn(() => positionsUpToDate(store, dates));
    },
    refresh(date: IsoDate): Promise<number> {
      return inTurn(() => refreshPositions(store, date));
    },
  };
}

export type PositionsOnHand = ReturnType<typeof positionsOnHand>;
