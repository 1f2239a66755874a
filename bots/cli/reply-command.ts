// `repay reply --borrower REF "TEXT"`: what the assistant would answer this borrower, as JSON.
import type { Command } from "commander";
import { createAssistant } from "../../core/assistant/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { loadConfig } from "../config.ts";
import { errorLine } from "../error-line.ts";
import { addExamples } from "./examples.ts";
import { withStore } from "./with-store.ts";

export function registerReplyCommand(program: Command): void {
  const command = program
    .command("reply")
    .argument("<text>", "the borrower's message")
    .requiredOption("--borrower <ref>", "the borrower's external ref")
    .option(
      "--action <action>",
      "a tapped choice's action instead of text (e.g. balance, plan:pick:<id>)",
    )
    .option("--at <iso>", "when the message arrives (default now)")
    .description(
      "Print the assistant's reply model ({text, choices, handoff}) for one borrower message.",
    )
    .addHelpText(
      "after",
      `
The reply is computed against the configured database (DATABASE_URL or REPAY_DATA_DIR) and is
recorded like any other message (conversation log, promises, opt-outs), as if the borrower had
written it on the console channel.`,
    )
    .action(async (text: string, flags: { borrower: string; action?: string; at?: string }) => {
      const at = flags.at ?? new Date().toISOString();
      if (Number.isNaN(Date.parse(at))) {
        console.error(`error: --at: "${flags.at}" is not an ISO instant`);
        process.exitCode = 2;
        return;
      }
      try {
        const reply = await withStore(async (store) => {
          const borrower = await store.borrowers.byRef(flags.borrower);
          if (!borrower) return undefined;
          const assistant = createAssistant({
            store,
            templates: assistantTemplates,
            lenderName: loadConfig().lenderName,
          });
          return assistant.respond({
            borrowerId: borrower.id,
            channel: "console",
            at: new Date(at).toISOString(),
            ...(flags.action ? { action: flags.action } : { text }),
          });
        });
        if (!reply) {
          console.error(
            `error: --borrower: no borrower with ref ${flags.borrower}: check the ref (an empty database gets the demo book with \`repay db seed --demo\`, or yours with \`repay import loans FILE\`)`,
          );
          process.exitCode = 1;
          return;
        }
        process.stdout.write(`${JSON.stringify(reply)}\n`);
      } catch (error) {
        if (!isDomainError(error)) throw error;
        console.error(`error: ${errorLine(error)}`);
        process.exitCode = 2;
      }
    });
  addExamples(command, [
    'repay reply --borrower B-001 "how much do I owe?"',
    'repay reply --borrower B-001 --at 2026-03-04T10:00:00Z "I\'ll pay on Friday"',
    'repay reply --borrower B-001 --action balance "(tapped)"   # a choice instead of words',
  ]);
}
