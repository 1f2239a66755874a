// `repay import loans|payments FILE`: validate every row, then upsert; dry run and skip-invalid on request.
import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { isDomainError } from "../../core/errors/index.ts";
import { errorLine } from "../error-line.ts";
import { importLoans } from "../import/import-loans.ts";
import { importPayments } from "../import/import-payments.ts";
import { describeReport, type ImportReport } from "../import/import-report.ts";
import { ImportFileError, readRecords } from "../import/read-records.ts";
import { addExamples } from "./examples.ts";
import { withStore } from "./with-store.ts";

/** Files with at least this many rows get a progress bar (on a terminal). */
const PROGRESS_FROM_ROWS = 500;
/** Off a terminal (a log, a pipe), a progress line at most this often. */
const PROGRESS_LINE_MS = 2_000;

const LOAN_COLUMNS = `
Loan files (.csv with a header row, .json array, or .jsonl), one loan per row:
  borrower_ref, borrower_name, phone (E.164), locale (en | zh-CN), time_zone (IANA),
  loan_ref, principal ("1200.00"), currency, annual_rate ("0.1299"), term_count, frequency
  (monthly | biweekly | weekly), disbursed_on (YYYY-MM-DD), first_due_date, method
  (annuity | equal-principal), interest (declining | flat), day_count (30/360 | actual/365),
  grace_on_principal, late_fee_flat, late_fee_percent, late_fee_grace_days, late_fee_cap,
  rate_cap, status (active | paid_off | written_off), deceased, bankruptcy, hardship,
  move_to_borrower (yes to give an existing loan to the borrower on the row; audited),
  email, preferred_channel (telegram | sms | email), sms_consent (yes: agreed to texts at the
  row's phone), email_consent (no: no reminder emails), consent_text_version; consent changes
  go on the consent record (source "import"), never lifting a borrower's own STOP/unsubscribe.
  Column names may be snake_case or camelCase. Rows upsert by loan_ref and borrower_ref.`;

const PAYMENT_COLUMNS = `
Payment files: loan_ref, date (YYYY-MM-DD), amount ("107.18"), currency (optional, must
match the loan), ref (the lender's payment id; recommended). A payment is recorded once per
ref; without a ref, the same loan, date and amount in the same place in the file count as
the same payment, so importing a file twice records nothing new.`;

const COMMON = `
Every row is checked first; if any row is bad, nothing is imported and each bad row is
listed as "line N: field: reason". The rows are written in one transaction: an import that
fails or is killed part way leaves nothing, and running it again imports every row once.
Exit status: 0 imported, 1 invalid rows, 2 could not run.`;

interface ImportFlags {
  dryRun?: boolean;
  skipInvalid?: boolean;
}

export function registerImportCommands(program: Command): void {
  const command = program
    .command("import")
    .description("Import loans and payments from CSV or JSON files.");
  addExamples(command, [
    "repay import loans book.csv",
    "repay import payments payments.csv --dry-run",
  ]);
  const loans = command
    .command("loans")
    .argument("<file>", "a .csv, .json or .jsonl file of loans")
    .description("Create or update borrowers and loans by external ref.")
    .option("--dry-run", "show what would change, write nothing")
    .option("--skip-invalid", "import the valid rows and report the invalid ones")
    .addHelpText("after", `${LOAN_COLUMNS}\n${COMMON}`)
    .action((file: string, flags: ImportFlags) => run("loans", file, flags));
  addExamples(loans, [
    "repay import loans book.csv",
    "repay import loans book.csv --dry-run        # what would be created / updated / unchanged",
    "repay import loans book.jsonl --skip-invalid # import the good rows, list the bad ones",
  ]);
  const payments = command
    .command("payments")
    .argument("<file>", "a .csv, .json or .jsonl file of payments")
    .description("Record payments against loans, each once.")
    .option("--dry-run", "show what would change, write nothing")
    .option("--skip-invalid", "import the valid rows and report the invalid ones")
    .addHelpText("after", `${PAYMENT_COLUMNS}\n${COMMON}`)
    .action((file: string, flags: ImportFlags) => run("payments", file, flags));
  addExamples(payments, [
    "repay import payments payments.csv",
    "repay import payments payments.csv --dry-run",
    "repay import payments payments.json --skip-invalid",
  ]);
}

async function run(kind: "loans" | "payments", file: string, flags: ImportFlags): Promise<void> {
  try {
    const records = await readRecords(file);
    const progress = importProgress(kind, records.length);
    const report: ImportReport = await withStore(async (store) => {
      const options = {
        dryRun: !!flags.dryRun,
        skipInvalid: !!flags.skipInvalid,
        actor: "cli",
        onProgress: progress.update,
      };
      return kind === "loans"
        ? importLoans(store, records, options)
        : importPayments(store, records, options);
    });
    progress.stop();
    const text = describeReport(report);
    if (report.applied) console.log(text);
    else console.error(text);
    process.exitCode = report.applied ? 0 : 1;
  } catch (error) {
    if (error instanceof ImportFileError || isDomainError(error)) {
      console.error(
        `error: ${error instanceof ImportFileError ? error.message : errorLine(error)}`,
      );
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}

/**
 * A progress bar on a terminal; elsewhere "loans: 1500/20000 rows written (not committed)"
 * lines on stderr, so a log shows the import is alive. Rows count as they are written inside
 * the import's transaction; none is kept until the last is written.
 */
function importProgress(kind: string, total: number) {
  if (total < PROGRESS_FROM_ROWS) return { update: () => {}, stop: () => {} };
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${kind} [{bar}] {value}/{total} rows  {eta_formatted} left`,
      stream: process.stderr,
    });
    return {
      update(done: number, of: number) {
        if (!bar.isActive) bar.start(of, 0);
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(done: number, of: number) {
      const now = Date.now();
      if (done < of && now - last < PROGRESS_LINE_MS) return;
      last = now;
      const state = done < of ? " (not committed yet)" : ", committing";
      process.stderr.write(`${kind}: ${done}/${of} rows written${state}\n`);
    },
    stop: () => {},
  };
}
