// `repay db migrate|status`: apply and inspect the migration history of the configured database.
import type { Command } from "commander";
import { localDate } from "../../core/dates/index.ts";
import {
  describeLocation,
  type MigrationStatus,
  type MigrationTarget,
  migrate,
  migrationStatus,
  openMigrationTarget,
} from "../../prisma/index.ts";
import { seedDemoBook } from "../../prisma/seed/index.ts";
import { errorLine } from "../error-line.ts";
import { addExamples } from "./examples.ts";
import { withStore } from "./with-store.ts";

const WHERE = `
The database: DATABASE_URL (postgresql://...) when set, else the embedded PGlite data folder
REPAY_DATA_DIR (default ./data). A PGlite folder admits one process at a time.`;

/** Exit status when the command could not run (locked folder, unreachable server, failed migration). */
const EXIT_ERROR = 2;

export function registerDbCommands(program: Command): void {
  const db = program
    .command("db")
    .description("Database migrations (the product also applies pending ones when it starts).")
    .addHelpText("after", WHERE);

  addExamples(db, [
    "repay db migrate",
    "repay db status",
    "REPAY_DATA_DIR=./other repay db seed --demo",
  ]);
  const migrateCommand = db
    .command("migrate")
    .description("Apply pending migrations from prisma/migrations/ and print what was applied.")
    .addHelpText(
      "after",
      `${WHERE}\n\nExit status: 0 when applied or nothing to apply, 2 on error.`,
    )
    .action(() =>
      withTarget(async (target, where) => {
        const { applied } = await migrate(target);
        if (applied.length === 0) {
          console.log(`${where}: no pending migrations.`);
          return;
        }
        console.log(`${where}: applied ${plural(applied.length, "migration")}:`);
        for (const name of applied) console.log(`  ${name}`);
      }),
    );

  addExamples(migrateCommand, [
    "repay db migrate",
    "DATABASE_URL=postgresql://user@host:5432/repay repay db migrate",
  ]);
  const status = db
    .command("status")
    .description("List applied and pending migrations.")
    .addHelpText(
      "after",
      `${WHERE}\n\nExit status: 0 when up to date, 1 when migrations are pending (or failed), 2 on error.`,
    )
    .action(() =>
      withTarget(async (target, where) => {
        const status = await migrationStatus(target);
        console.log(where);
        printStatus(status);
        if (!status.upToDate) process.exitCode = 1;
      }),
    );

  addExamples(status, ["repay db status", "repay db status || repay db migrate"]);
  registerSeed(db);
}

function registerSeed(db: Command): void {
  const seed = db
    .command("seed")
    .description("Load sample data into the database (applies pending migrations first).")
    .option(
      "--demo",
      "a demo book: 50 borrowers in several time zones, loans current, due soon, 1-120 days late and paid off",
    )
    .addHelpText(
      "after",
      `${WHERE}\n\nSeeding twice changes nothing. Exit status: 0 seeded, 2 on error.`,
    )
    .action(async (flags: { demo?: boolean }) => {
      if (!flags.demo) {
        console.error("repay db seed: say what to seed: --demo");
        process.exitCode = EXIT_ERROR;
        return;
      }
      try {
        const summary = await withStore((store) =>
          seedDemoBook(store, localDate(new Date(), "UTC")),
        );
        console.log(
          `Demo book: ${plural(summary.borrowers, "borrower")}, ${plural(summary.loans, "loan")}, ${plural(summary.payments, "new payment")}.`,
        );
      } catch (error) {
        console.error(`repay db: ${errorLine(error)}`);
        process.exitCode = EXIT_ERROR;
      }
    });
  addExamples(seed, ["repay db seed --demo", "REPAY_DATA_DIR=/tmp/demo repay db seed --demo"]);
}

function printStatus(status: MigrationStatus): void {
  const section = (title: string, names: readonly string[]) => {
    console.log(`${title} (${names.length})${names.length > 0 ? ":" : ""}`);
    for (const name of names) console.log(`  ${name}`);
  };
  section("Applied", status.applied);
  section("Pending", status.pending);
  if (status.failed.length > 0) section("Failed (see `prisma migrate resolve`)", status.failed);
  if (status.edited.length > 0) section("Edited after they were applied", status.edited);
  console.log(
    status.upToDate
      ? "Up to date."
      : "Not up to date: run `repay db migrate` (or start the product).",
  );
}

async function withTarget(run: (target: MigrationTarget, where: string) => Promise<void>) {
  try {
    const opened = await openMigrationTarget();
    try {
      await run(opened.target, describeLocation(opened.location));
    } finally {
      await opened.close();
    }
  } catch (error) {
    console.error(`repay db: ${errorLine(error)}`);
    process.exitCode = EXIT_ERROR;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
