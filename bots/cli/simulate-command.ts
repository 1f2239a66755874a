// `repay simulate`: the real nudger over a simulated clock, one JSON line per decision.
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { isInstant } from "../../core/intents/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import { convert } from "../loan-json/index.ts";
import { DEMO_HELP, demoSimulation } from "../nudger/simulate/demo-input.ts";
import { runSimulation, type SimulationLine } from "../nudger/simulate/run-simulation.ts";
import { LLM_SCRIPTS, type LlmScriptName } from "../nudger/simulate/scripted-rewriter.ts";
import { simulationChart } from "../nudger/simulate/simulation-chart.ts";
import { type SimulationPlan, toSimulationPlan } from "../nudger/simulate/simulation-input.ts";
import { simulationReport } from "../nudger/simulate/simulation-report.ts";
import { addExamples } from "./examples.ts";
import { InputError, parseJson, readStdin } from "./json-io.ts";

const HELP = `
Input (stdin, JSON):
  {"profile":"default",                 default | us-reg-f | cn (default "default")
   "start":"2026-03-01T00:00:00Z",      ISO instant with an offset
   "days":90,                            1..366
   "tickMinutes":15,                     planner and dispatcher run every tick (default 15)
   "lenderName":"Demo Lending",          optional
   "payLink":"https://pay.example.com/{loanRef}?amount={amount}",   optional
   "llm":{"script":"numbers"},           optional: a scripted model rewords each nudge
   "borrowers":[{"id":"b1","name":"Ana","locale":"en","timezone":"America/New_York",
     "channel":"telegram",               telegram (default) | console
     "phone":"+12125550101","email":"ana@example.com","telegramChatId":42,   optional
     "preferredChannel":"sms",           optional: telegram | sms | email
     "consent":{"sms":true,"email":true},  optional: SMS needs true to be texted
     "flags":{"hardship":false},         optional: deceased, bankruptcy, hardship
     "loans":[{"id":"l1", ...terms as in "repay schedule" (principal, currency, annualRate,
               termCount, frequency, disbursedOn, firstDueDate?, method, interest?, dayCount?),
               "lateFee":{...}?, "rateCap":"0.36"?, "status":"active"?,
               "transactions":[...as in "repay state"; dated ones apply from their date]}],
     "events":[{"at":"2026-03-10T15:00:00Z","type":"message","text":"STOP","channel":"sms"},
               {"at":"2026-03-12T15:00:00Z","type":"payment","loanId":"l1","amount":"107.18"}]}]}
  Messages go through the assistant as the borrower's own words: "STOP" opts out,
  "I'll pay Friday" records a promise, "this isn't right" opens a dispute, and so on.

Output: one JSON line per decision:
  {"at":"<UTC>","local":"<borrower-local, with offset>","borrowerId","loanId","channel",
   "kind","decision":"sent"|"deferred"|"suppressed"|"failed","reasons":[...],"text":"<sent>"}
  With a model, sent lines add "wording":"model"|"template" and, when the guard refused the
  model's words, "rejectedBecause":"missing:$130.00"|"claim:threat"|...
--report prints a summary instead (contacts per borrower per week, suppressions by reason,
the worst rolling 7 days against the caps, rewrites offered / accepted / rejected by reason);
--chart FILE.svg draws contacts per day.
--llm-script faithful rewords every nudge for tone; numbers does too, but every 4th rewording
changes an amount or a date, every 9th adds a threat and every 10th drops the opt-out line.

${DEMO_HELP}`;

interface SimulateOptions {
  report?: boolean;
  chart?: string;
  demo?: boolean;
  days?: string;
  start?: string;
  profile?: string;
  llmScript?: string;
}

function withLlm(plan: SimulationPlan, script: string | undefined): SimulationPlan {
  if (script === undefined) return plan;
  if (!(LLM_SCRIPTS as readonly string[]).includes(script)) {
    throw new InputError("--llm-script", `must be one of ${LLM_SCRIPTS.join(", ")}`);
  }
  return { ...plan, llm: { script: script as LlmScriptName } };
}

function demoPlan(options: SimulateOptions): SimulationPlan {
  const days = Number(options.days ?? "90");
  if (!Number.isInteger(days) || days < 1 || days > 366) {
    throw new InputError("--days", "must be a whole number from 1 to 366");
  }
  const start = options.start ?? `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;
  if (!isInstant(start)) throw new InputError("--start", "must be an ISO instant with an offset");
  const profile = options.profile ?? "default";
  convert("--profile", () => contactProfile(profile));
  return demoSimulation({ start: new Date(start).toISOString(), days, profile });
}

async function simulate(options: SimulateOptions): Promise<void> {
  const plan = withLlm(
    options.demo ? demoPlan(options) : toSimulationPlan(parseJson(await readStdin())),
    options.llmScript,
  );
  const profile = contactProfile(plan.profile);
  const keep = Boolean(options.report || options.chart);
  const lines: SimulationLine[] = [];
  const result = await runSimulation(plan, (line) => {
    if (keep) lines.push(line);
    if (!options.report) process.stdout.write(`${JSON.stringify(line)}\n`);
  });
  if (options.chart) await writeFile(options.chart, simulationChart(plan, profile, lines));
  if (options.report) process.stdout.write(simulationReport(plan, profile, lines, result));
}

/**
 * Registers `repay simulate`. Invalid input exits 1 with one line on stderr naming the field.
 * @example registerSimulateCommand(program) // repay simulate --demo --days 90 --report
 */
export function registerSimulateCommand(program: Command): void {
  const command = program
    .command("simulate")
    .summary("run the nudger over a simulated clock (JSON on stdin, or --demo)")
    .description(
      "Drive the real planner, contact policy, templates and dispatcher over an in-memory book " +
        "and a simulated clock; print every decision.",
    )
    .option("--report", "print a human summary instead of JSON lines")
    .option("--chart <file>", "write contacts per day against the caps as SVG")
    .option("--demo", "simulate the demo book instead of reading stdin")
    .option("--days <n>", "with --demo: days to simulate (default 90)")
    .option("--start <instant>", "with --demo: first instant (default today 00:00 UTC)")
    .option("--profile <name>", "with --demo: contact profile (default, us-reg-f, cn)")
    .option(
      "--llm-script <name>",
      `reword nudges with a scripted model (${LLM_SCRIPTS.join(", ")})`,
    )
    .addHelpText("after", HELP)
    .action(async (options: SimulateOptions) => {
      try {
        await simulate(options);
      } catch (error) {
        const message =
          error instanceof InputError
            ? error.message
            : error instanceof Error
              ? error.message
              : String(error);
        process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, " ")}\n`);
        process.exitCode = 1;
      }
    });
  addExamples(command, [
    "repay simulate < book.json > decisions.jsonl   # one JSON object in, JSON lines out",
    "repay simulate --demo --days 90 --report --chart contacts.svg",
    "repay simulate --demo --start 2026-03-01T00:00:00Z --profile us-reg-f --report",
    "repay simulate --demo --llm-script numbers --report",
  ]);
}
