// `repay consent --borrower REF`: the borrower's channels, consent state and consent record.
import type { Command } from "commander";
import { contactSummary, formatContactSummary } from "../channels/contact-summary.ts";
import { withStore } from "./with-store.ts";

export function registerConsentCommand(program: Command): void {
  program
    .command("consent")
    .requiredOption("--borrower <ref>", "the borrower's external ref")
    .option("--json", "print the summary as JSON")
    .description(
      "Print a borrower's contact points, each channel's consent state, and every consent event and nudge sent, in time order.",
    )
    .addHelpText(
      "after",
      `
States: usable, no_address, not_given (SMS needs an opt-in for the current number), opted_out.
Events are append-only: opt_in (source, consent text version), opt_out (STOP, unsubscribe,
agent), address_changed (a new phone number loses its SMS consent).
Example: repay consent --borrower B-001`,
    )
    .action(async (flags: { borrower: string; json?: boolean }) => {
      const summary = await withStore((store) => contactSummary(store, flags.borrower));
      if (!summary) {
        console.error(`error: --borrower: no borrower with ref ${flags.borrower}`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatContactSummary(summary),
      );
    });
}
