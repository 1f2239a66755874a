// The policy asked again at send time: an opt-out, a payment or quiet hours since planning win.

import { type BorrowerContext, type DueLoan, decideForLoan } from "../../core/policy/index.ts";
import type { NudgeRow } from "../../core/ports/index.ts";
import { loanToday } from "./borrower-context.ts";
import type { DispatcherDeps, Emit } from "./dispatcher-deps.ts";

/** Reasons that mean the row's slot is gone (served or paid), so it must not wait around. */
const SLOT_GONE = new Set(["NOT_IN_CADENCE", "NOTHING_DUE"]);

export interface Rechecked extends DueLoan {
  readonly row: NudgeRow;
  readonly today: string;
}

/**
 * Each row's loan through decide() at `at`: rows that may go are returned; the rest are marked
 * suppressed (the slot is gone or blocked for good) or put back for when the block lifts.
 */
export async function recheck(
  deps: DispatcherDeps,
  context: BorrowerContext,
  rows: readonly NudgeRow[],
  at: string,
  emit: Emit,
): Promise<Rechecked[]> {
  const { store, profile } = deps;
  const { outbox } = store;
  const due: Rechecked[] = [];
  for (const row of rows) {
    const kind = row.kind;
    const loan = row.loanId ? await store.loans.byId(row.loanId) : undefined;
    if (loan?.status !== "active") {
      await outbox.markSuppressed(row.id, ["NOTHING_DUE"], at);
      emit(row, "suppressed", kind, ["NOTHING_DUE"]);
      continue;
    }
    const { today, state, transactions } = await loanToday(
      store,
      loan,
      at,
      context.borrower.timeZone,
    );
    const decision = decideForLoan(context, loan.id, state, row.channel, at, profile);
    if (decision.decision === "send") {
      // Two rows for one loan (an old slot rescheduled, a new one planned): one message serves both.
      if (due.some((d) => d.loan.id === loan.id)) {
        await outbox.markSuppressed(row.id, ["NOT_IN_CADENCE"], at);
        emit(row, "suppressed", kind, ["NOT_IN_CADENCE"]);
      } else {
        due.push({ row, loan, state, transactions, opportunity: decision.opportunity, today });
      }
      continue;
    }
    const gone = decision.decision === "suppress" || decision.reasons.some((r) => SLOT_GONE.has(r));
    if (gone) {
      await outbox.markSuppressed(row.id, decision.reasons, at);
      emit(row, "suppressed", kind, decision.reasons);
    } else if (decision.decision === "defer") {
      await outbox.reschedule(row.id, decision.until, decision.reasons);
      emit(row, "deferred", kind, decision.reasons, { until: decision.until });
    }
  }
  return due;
}
