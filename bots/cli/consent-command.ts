// `repay consent --borrower REF`: the borrower's channels, consent state and consent record.
import type { Command } from "commander";
import { recordConsent } from "../../core/channels/index.ts";
import type { Channel, ConsentEventKind, Store } from "../../core/ports/index.ts";
import { contactSummary, formatContactSummary } from "../channels/contact-summary.ts";
import { addExamples } from "./examples.ts";
import { withStore } from "./with-store.ts";

export function registerConsentCommand(program: Command): void {
  const consent = program
    .command("consent")
    .requiredOption("--borrower <ref>", "the borrower's external ref")
    .option("--json", "print the summary as JSON")
    .option("--record <kind>", "first record an event: opt_in or opt_out (needs --channel)")
    .option("--channel <channel>", "sms, email or telegram, for --record")
    .option("--source <source>", "how the borrower said it, for --record", "cli")
    .option("--text-version <version>", "the consent text version shown, for an opt_in")
    .description(
      "Print a borrower's contact points, each channel's consent state, and every consent event and nudge sent, in time order.",
    )
    .addHelpText(
      "after",
      `
States: usable, no_address, not_given (SMS needs an opt-in for the current number), opted_out.
Events are append-only: opt_in (source, consent text version), opt_out (STOP, unsubscribe,
agent), address_changed (a new phone number loses its SMS consent).`,
    )
    .action(async (flags: Flags) => {
      const problem = recordProblem(flags);
      if (problem) {
        console.error(`error: ${problem}`);
        process.exitCode = 2;
        return;
      }
      const summary = await withStore(async (store) => {
        if (flags.record) await record(store, flags);
        return contactSummary(store, flags.borrower);
      });
      if (!summary) {
        console.error(`error: --borrower: no borrower with ref ${flags.borrower}`);
        process.exitCode = 1;
        return;
      }
      process.stdout.write(
        flags.json ? `${JSON.stringify(summary, null, 2)}\n` : formatContactSummary(summary),
      );
    });
  addExamples(consent, [
    "repay consent --borrower B-001",
    "repay consent --borrower B-001 --json",
    "repay consent --borrower B-001 --record opt_in --channel sms --source web-form --text-version sms-v2",
    "repay consent --borrower B-001 --record opt_out --channel email --source agent",
  ]);
}

interface Flags {
  borrower: string;
  json?: boolean;
  record?: string;
  channel?: string;
  source: string;
  textVersion?: string;
}

const KINDS: readonly string[] = ["opt_in", "opt_out"];
const CHANNELS: readonly string[] = ["sms", "email", "telegram"];

function recordProblem(flags: Flags): string | undefined {
  if (!flags.record) return undefined;
  if (!KINDS.includes(flags.record)) return `--record: must be one of ${KINDS.join(", ")}`;
  if (!flags.channel || !CHANNELS.includes(flags.channel)) {
    return `--channel: must be one of ${CHANNELS.join(", ")}`;
  }
  return undefined;
}

/** The event goes on record for the address on file now (the phone for SMS). */
async function record(store: Store, flags: Flags): Promise<void> {
  const borrower = await store.borrowers.byRef(flags.borrower);
  if (!borrower) return;
  const channel = flags.channel as Channel;
  const email = (await store.contactPoints.get(borrower.id))?.email;
  const address = channel === "sms" ? borrower.phone : channel === "email" ? email : undefined;
  await recordConsent(store, {
    borrowerId: borrower.id,
    channel,
    kind: flags.record as ConsentEventKind,
    source: flags.source,
    ...(address ? { address } : {}),
    ...(flags.textVersion ? { textVersion: flags.textVersion } : {}),
    at: new Date().toISOString(),
  });
}
