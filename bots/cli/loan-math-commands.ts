// `repay schedule|state|plans`: loan math as JSON in on stdin, JSON out on stdout.
import type { Command } from "commander";
import { allocationStrategy } from "../../core/allocation/index.ts";
import { ErrorCode, isDomainError } from "../../core/errors/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { parseMoney } from "../../core/money/index.ts";
import { acceptPlan, planOptions } from "../../core/plans/index.ts";
import { generateSchedule } from "../../core/schedule/index.ts";
import {
  convert,
  plansJson,
  plansSchema,
  scheduleJson,
  stateJson,
  stateSchema,
  termsSchema,
  toLoan,
  toTerms,
  toTransactions,
  transactionJson,
  validate,
} from "../loan-json/index.ts";
import { addExamples } from "./examples.ts";
import { InputError, runJsonCommand } from "./json-io.ts";

const SCHEDULE_EXAMPLE = `
Input (stdin):
  {"principal":"1200.00","currency":"USD","annualRate":"0.1299","termCount":12,
   "frequency":"monthly","disbursedOn":"2026-01-15","firstDueDate":"2026-02-15",
   "method":"annuity","interest":"declining","dayCount":"30/360"}
  method: annuity | equal-principal; interest: declining (default) | flat;
  frequency: monthly | biweekly | weekly; dayCount: 30/360 (default) | actual/365;
  optional graceOnPrincipal: leading interest-only periods.
Output: {"installments":[{"n","dueDate","principal","interest","total"}],"totals":{...}}`;

const STATE_EXAMPLE = `
Input (stdin):
  {"loan":{...terms as in "repay schedule",
           "lateFee":{"flat":"15.00","percent":"0.05","graceDays":3,"cap":"60.00"},
           "rateCap":"0.36"},
   "transactions":[{"type":"payment","date":"2026-03-20","amount":"50.00"}],
   "asOf":"2026-04-01", "allocation":"mifos-standard"}
  transactions: payment | fee | waiver (optional "component": fees|penalties) |
  reschedule (as printed by "repay plans --accept KIND").
  allocation: mifos-standard (penalties, fees, interest, principal; oldest first; default)
  | interest-principal-fees.
Output: outstanding and overdue by component, daysPastDue, bucket, nextDue, payoff,
  and every installment's status (paid | partial | overdue | due | future | rescheduled).`;

const PLANS_EXAMPLE = `
Input (stdin): the "repay state" input plus optional "affordable":"60.00" (per period)
  and "maxTermCount":24 (most installments a plan may have; default twice the term).
Output: {"options":[{"kind":"catch-up"|"extended"|"hardship","installmentAmount","count",
  "firstDueDate","lastDueDate","totalPayable","extraCost","schedule":[...]}],
  "notOffered":[{"kind","reason"}]}
With --accept KIND: prints {"transaction":{"type":"reschedule",...}} to append to the
loan's transactions; "repay state" then shows the plan's schedule.`;

export function registerLoanMathCommands(program: Command): void {
  const schedule = program
    .command("schedule")
    .summary("print a repayment schedule for loan terms (JSON on stdin)")
    .description("Generate a repayment schedule from loan terms read as JSON on stdin.")
    .addHelpText("after", SCHEDULE_EXAMPLE)
    .action(() =>
      runJsonCommand((input) =>
        scheduleJson(generateSchedule(toTerms(validate(termsSchema, input)))),
      ),
    );
  addExamples(schedule, [
    `echo '{"principal":"1200.00","currency":"USD","annualRate":"0.1299","termCount":12,"frequency":"monthly","disbursedOn":"2026-01-15","method":"annuity"}' | repay schedule`,
    "repay schedule < terms.json > schedule.json",
  ]);

  const state = program
    .command("state")
    .summary("print a loan's state as of a date (JSON on stdin)")
    .description(
      "Derive outstanding, overdue, days past due and payoff from terms and transactions.",
    )
    .addHelpText("after", STATE_EXAMPLE)
    .action(() =>
      runJsonCommand((input) => {
        const parsed = validate(stateSchema, input);
        const loan = toLoan(parsed.loan);
        const transactions = toTransactions(parsed.transactions, parsed.loan.currency);
        const strategy = allocationStrategy(parsed.allocation);
        return stateJson(
          convert("transactions", () => loanStateAsOf(loan, transactions, parsed.asOf, strategy)),
        );
      }),
    );
  addExamples(state, ["repay state < loan.json"]);

  const plans = program
    .command("plans")
    .summary("print repayment plan options for a loan (JSON on stdin)")
    .description("Offer catch-up, extended-term and hardship plans with their cost.")
    .option("--accept <kind>", "print the chosen option as a reschedule transaction")
    .addHelpText("after", PLANS_EXAMPLE)
    .action((options: { accept?: string }) =>
      runJsonCommand((input) => {
        const parsed = validate(plansSchema, input);
        const currency = parsed.loan.currency;
        const loan = toLoan(parsed.loan);
        const transactions = toTransactions(parsed.transactions, currency);
        const request = {
          ...(parsed.affordable
            ? {
                affordable: convert("affordable", () =>
                  parseMoney(parsed.affordable as string, currency),
                ),
              }
            : {}),
          ...(parsed.maxTermCount ? { maxTermCount: parsed.maxTermCount } : {}),
        };
        // A plan request's own problem (affordable, maxTermCount) names that top-level field;
        // anything else came from replaying the transactions.
        const plans = convert("transactions", () =>
          convertPlanRequest(() => planOptions(loan, transactions, parsed.asOf, request)),
        );
        if (!options.accept) return plansJson(plans);
        const chosen = plans.options.find((o) => o.kind === options.accept);
        if (!chosen) {
          const offered = plans.options.map((o) => o.kind).join(", ") || "none";
          throw new InputError(
            "--accept",
            `"${options.accept}" is not among the options offered (${offered})`,
          );
        }
        return { transaction: transactionJson(acceptPlan(chosen, parsed.asOf)) };
      }),
    );
  addExamples(plans, [
    "repay plans < loan.json",
    "repay plans --accept hardship < loan.json   # the reschedule transaction to append",
  ]);
}

function convertPlanRequest<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isDomainError(error) && error.code === ErrorCode.InvalidPlanRequest) {
      return convert("", () => {
        throw error;
      });
    }
    throw error;
  }
}
