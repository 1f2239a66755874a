// The simulator report's closing section: each borrower's repayment score and its reasons at the end.
import { localDate } from "../../../core/dates/index.ts";
import { loanStateAsOf } from "../../../core/ledger/index.ts";
import type { Store } from "../../../core/ports/index.ts";
import { type RepaymentScore, repaymentScore } from "../../../core/score/index.ts";

/** One borrower's score at the end of the run, by the borrower's reference in the plan. */
export interface SimulatedScore {
  readonly borrowerRef: string;
  readonly name: string;
  readonly score: RepaymentScore;
}

/**
 * Every booked borrower's score on their own date at `at`, over all their loans and promises.
 * @example await simulatedScores(store, ids.borrowerRef, now)
 */
export async function simulatedScores(
  store: Store,
  borrowerRefs: ReadonlyMap<string, string>,
  at: string,
): Promise<SimulatedScore[]> {
  const scores: SimulatedScore[] = [];
  for (const [id, borrowerRef] of borrowerRefs) {
    const borrower = await store.borrowers.byId(id);
    if (!borrower) continue;
    const today = localDate(new Date(at), borrower.timeZone);
    const installments = [];
    for (const loan of await store.loans.forBorrower(id)) {
      const txs = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
      installments.push(...loanStateAsOf(loan, txs, today).installments);
    }
    const promises = await store.contact.promises(id);
    scores.push({
      borrowerRef,
      name: borrower.name,
      score: repaymentScore({ asOf: today, installments, promises }),
    });
  }
  return scores;
}

/** The report lines: lowest score first (ties by reference), each with its reasons. */
export function scoreSection(scores: readonly SimulatedScore[]): string[] {
  const sorted = [...scores].sort(
    (a, b) =>
      a.score.score - b.score.score ||
      (a.borrowerRef < b.borrowerRef ? -1 : a.borrowerRef > b.borrowerRef ? 1 : 0),
  );
  return [
    "",
    "Repayment score at the end (lowest first; points table in docs/score.md):",
    ...sorted.map(
      ({ borrowerRef, score }) =>
        `  ${borrowerRef} ${String(score.score).padStart(3)} ${score.grade.padEnd(4)}  ${score.reasons.join("; ")}`,
    ),
  ];
}
