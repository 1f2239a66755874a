// `repay report portfolio`: open loans by delinquency bucket, promises, plans and contacts.
import type { Command } from "commander";
import { isIsoDate, localDate } from "../../core/dates/index.ts";
import { isKnownCurrency } from "../../core/money/index.ts";
import { errorLine } from "../error-line.ts";
import { portfolioReport, portfolioTable } from "../report/portfolio-report.ts";
import { positionsUpToDate } from "../report/refresh-positions.ts";
import { addExamples } from "./examples.ts";
import { withStore } from "./with-store.ts";

interface Flags {
  asOf?: string;
  json?: boolean;
  currency?: string;
}

const ABOUT = `
Each active loan's days past due, bucket and outstanding are derived as "repay state" derives
them (schedule, payments, late fees), stored for that date, then summed in the database. A
date reported before is brought up to date: only loans changed since are derived again.
Buckets: current, 1-30, 31-60, 61-90, 90+ days past due. Amounts are decimal strings per
currency; "outstanding" is null in a bucket when the open loans are of several currencies
(see "byCurrency", or pass --currency). Promises and plans count every one by status; contacts
count automated nudges sent in the 7 days ending with --as-of (UTC days).
Exit status: 0 printed, 2 on a bad option or an unreachable database.`;

export function registerReportCommand(program: Command): void {
  const report = program
    .command("report")
    .description("Reports on the book, aggregated in the database.");
  addExamples(report, ["repay report portfolio", "repay report portfolio --json"]);

  const portfolio = report
    .command("portfolio")
    .description("Open loans and amounts by delinquency bucket, promises, plans and contacts.")
    .option("--as-of <date>", "the day to report on, YYYY-MM-DD (default: today, UTC)")
    .option("--currency <code>", "only loans in this currency, e.g. USD")
    .option("--json", "print the report as JSON")
    .addHelpText("after", ABOUT)
    .action(async (flags: Flags) => {
      const asOf = flags.asOf ?? localDate(new Date(), "UTC");
      if (!isIsoDate(asOf)) return fail(`--as-of: "${asOf}" is not a date (YYYY-MM-DD)`);
      const currency = flags.currency?.toUpperCase();
      if (currency !== undefined && !isKnownCurrency(currency)) {
        return fail(`--currency: "${flags.currency}" is not an ISO 4217 currency code`);
      }
      try {
        const result = await withStore(async (store) => {
          await positionsUpToDate(store, [asOf]);
          return portfolioReport(store.portfolio, asOf, currency);
        });
        process.stdout.write(
          flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${portfolioTable(result)}\n`,
        );
      } catch (error) {
        fail(`repay report: ${errorLine(error)}`);
      }
    });
  addExamples(portfolio, [
    "repay report portfolio",
    "repay report portfolio --as-of 2026-03-31",
    "repay report portfolio --currency USD",
    "repay report portfolio --json > portfolio.json",
  ]);
}

function fail(message: string): void {
  console.error(message.startsWith("repay") ? message : `error: ${message}`);
  process.exitCode = 2;
}
