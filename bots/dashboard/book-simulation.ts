// The simulator on a copy of the stored book: its borrowers and active loans as simulator input.
import { contactProfile } from "../../core/policy/index.ts";
import type { Store, StoredLoan } from "../../core/ports/index.ts";
import { runSimulation, type SimulationLine } from "../nudger/simulate/run-simulation.ts";
import { simulationChart } from "../nudger/simulate/simulation-chart.ts";
import type { SimulatedBorrower, SimulationPlan } from "../nudger/simulate/simulation-input.ts";
import { simulationReport } from "../nudger/simulate/simulation-report.ts";

/** Most borrowers copied: the simulator replays every 15 minutes of the horizon for each. */
export const SIMULATED_BORROWERS = 200;

/** The first SIMULATED_BORROWERS borrowers with active loans (by loan id), their loans and payments. */
export async function bookPlan(
  store: Store,
  start: string,
  days: number,
  profile: string,
): Promise<SimulationPlan> {
  contactProfile(profile);
  const loans = await activeLoansOfFirstBorrowers(store);
  const borrowerIds = [...new Set(loans.map((l) => l.borrowerId))];
  const borrowers = await store.borrowers.byIds(borrowerIds);
  const records = await store.transactions.forLoans(loans.map((l) => l.id));
  const simulated = borrowerIds.flatMap((id): SimulatedBorrower[] => {
    const borrower = borrowers.get(id);
    if (!borrower) return [];
    return [
      {
        id: borrower.externalRef,
        name: borrower.name,
        locale: borrower.locale,
        timeZone: borrower.timeZone,
        channel: "telegram",
        flags: borrower.flags,
        loans: loans
          .filter((l) => l.borrowerId === id)
          .map((l) => ({
            id: l.externalRef,
            status: l.status,
            loan: {
              terms: l.terms,
              ...(l.lateFee ? { lateFee: l.lateFee } : {}),
              ...(l.rateCap ? { rateCap: l.rateCap } : {}),
            },
            transactions: (records.get(l.id) ?? []).map((r) => r.transaction),
          })),
        events: [],
      },
    ];
  });
  return { profile, start, days, tickMinutes: 15, lenderName: "Preview", borrowers: simulated };
}

/** Active loans, a page at a time, until SIMULATED_BORROWERS borrowers are covered. */
async function activeLoansOfFirstBorrowers(store: Store): Promise<StoredLoan[]> {
  const loans: StoredLoan[] = [];
  const borrowers = new Set<string>();
  let after: string | undefined;
  for (;;) {
    const page = await store.loans.listActive(1000, after);
    for (const loan of page) {
      if (!borrowers.has(loan.borrowerId) && borrowers.size >= SIMULATED_BORROWERS) continue;
      borrowers.add(loan.borrowerId);
      loans.push(loan);
    }
    if (page.length < 1000) return loans;
    after = page.at(-1)?.id;
  }
}

/** Runs the plan in memory (the stored book is not touched); the report text and the SVG chart. */
export async function simulateBook(
  plan: SimulationPlan,
): Promise<{ report: string; svg: string; lines: number }> {
  const lines: SimulationLine[] = [];
  const result = await runSimulation(plan, (line) => lines.push(line));
  const profile = contactProfile(plan.profile);
  return {
    report: simulationReport(plan, profile, lines, result),
    svg: simulationChart(plan, profile, lines),
    lines: result.lines,
  };
}
