// `repay score`: the repayment score of a loan's history (JSON on stdin), with its points and reasons.
import type { Command } from "commander";
import { z } from "zod";
import { allocationStrategy } from "../../core/allocation/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { repaymentScore } from "../../core/score/index.ts";
import { convert, stateSchema, toLoan, toTransactions, validate } from "../loan-json/index.ts";
import { addExamples } from "./examples.ts";
import { runJsonCommand } from "./json-io.ts";

const scoreSchema = stateSchema.extend({
  promises: z
    .array(z.strictObject({ status: z.enum(["open", "kept", "broken", "cancelled"]) }))
    .default([]),
});

const SCORE_EXAMPLE = `
Input (stdin): the "repay state" input plus optional
  "promises":[{"status":"kept"},{"status":"broken"}] (open ones do not count).
Output: {"score":0-100,"grade":"good"|"fair"|"poor","reasons":[...],
  "factors":[{"name","points","max"}]}; the points table is in docs/score.md.`;

export function registerScoreCommand(program: Command): void {
  const score = program
    .command("score")
    .summary("print a loan's repayment score with its reasons (JSON on stdin)")
    .description("Score the repayment history of a loan by the documented points table.")
    .addHelpText("after", SCORE_EXAMPLE)
    .action(() =>
      runJsonCommand((input) => {
        const parsed = validate(scoreSchema, input);
        const loan = toLoan(parsed.loan);
        const transactions = toTransactions(parsed.transactions, parsed.loan.currency);
        const strategy = allocationStrategy(parsed.allocation);
        const state = convert("transactions", () =>
          loanStateAsOf(loan, transactions, parsed.asOf, strategy),
        );
        const result = repaymentScore({
          asOf: parsed.asOf,
          installments: state.installments,
          promises: parsed.promises,
        });
        return {
          score: result.score,
          grade: result.grade,
          reasons: result.reasons,
          factors: result.factors.map((f) => ({
            name: f.code,
            points: f.points,
            max: f.maxPoints,
          })),
        };
      }),
    );
  addExamples(score, ["repay score < loan.json"]);
}
