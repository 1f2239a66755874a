// A Store whose borrower and loan upserts add up their own wall time, for a per-row breakdown.
import type { Store } from "../../core/ports/index.ts";

export interface UpsertClock {
  borrowerMs: number;
  borrowerCalls: number;
  loanMs: number;
  loanCalls: number;
}

/** `store` with `borrowers.upsert` and `loans.upsert` timed into `clock`; all else untouched. */
export function timedStore(store: Store, clock: UpsertClock): Store {
  const { borrowers, loans } = store;
  return {
    ...store,
    borrowers: {
      ...borrowers,
      async upsert(input) {
        const started = performance.now();
        try {
          return await borrowers.upsert(input);
        } finally {
          clock.borrowerMs += performance.now() - started;
          clock.borrowerCalls += 1;
        }
      },
    },
    loans: {
      ...loans,
      async upsert(input) {
        const started = performance.now();
        try {
          return await loans.upsert(input);
        } finally {
          clock.loanMs += performance.now() - started;
          clock.loanCalls += 1;
        }
      },
    },
  };
}

export function newUpsertClock(): UpsertClock {
  return { borrowerMs: 0, borrowerCalls: 0, loanMs: 0, loanCalls: 0 };
}
