// `repay explain --borrower REF`: the borrower's timeline, newest last, with every nudge decision and why.
import type { Command } from "commander";
import { borrowerTimeline } from "../timeline/borrower-timeline.ts";
import { timelineLines } from "../timeline/timeline-lines.ts";
import { addExamples } from "./examples.ts";
import { withStore } from "./with-store.ts";

interface Flags {
  borrower: string;
  days: string;
  json?: boolean;
}

const MAX_DAYS = 3_650;

export function registerExplainCommand(program: Command): void {
  const explain = program
    .command("explain")
    .requiredOption("--borrower <ref>", "the borrower's external ref")
    .option("--days <n>", "how many days back to look", "30")
    .option("--json", "print the timeline as JSON")
    .description(
      "Print a borrower's timeline, newest last: messages in and out, every nudge decision (sent, deferred, suppressed, failed) and why, payments, promises, plans and consent events.",
    )
    .addHelpText(
      "after",
      `
Decisions are kept for REPAY_DECISION_RETENTION_DAYS (default 90); older ones are pruned.
Times are shown in UTC and in the borrower's own time zone.`,
    )
    .action(async (flags: Flags) => {
      const days = Number(flags.days);
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) {
        console.error(
          `error: --days: must be a whole number from 1 to ${MAX_DAYS}, not ${flags.days}`,
        );
        process.exitCode = 2;
        return;
      }
      const now = new Date();
      const since = new Date(now.getTime() - days * 86_400_000).toISOString();
      const timeline = await withStore(async (store) => {
        const borrower = await store.borrowers.byRef(flags.borrower);
        return borrower && borrowerTimeline(store, borrower, since, now.toISOString());
      });
      if (!timeline) {
        console.error(
          `error: --borrower: no borrower with ref ${flags.borrower} (refs are the lender's, e.g. B-001)`,
        );
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        flags.json ? `${JSON.stringify(timeline, null, 2)}\n` : timelineLines(timeline),
      );
    });
  addExamples(explain, [
    "repay explain --borrower B-001",
    "repay explain --borrower B-001 --days 7",
    "repay explain --borrower B-001 --days 90 --json",
  ]);
}
