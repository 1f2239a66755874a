// `repay intent "TEXT"`: what the rules make of one borrower message, as one line of JSON.
import type { Command } from "commander";
import {
  type IntentContext,
  isInstant,
  isLanguage,
  isTimeZone,
  understand,
} from "../../core/intents/index.ts";
import { addExamples } from "./examples.ts";

/** Where the command writes; tests pass their own. */
export interface IntentCommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  exit(code: number): void;
}

const processIo: IntentCommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
  },
};

interface IntentOptions {
  locale: string;
  tz: string;
  now?: string;
}

/** The first bad option as a one-line message, or the context the options describe. */
function readContext(options: IntentOptions): IntentContext | string {
  if (!isLanguage(options.locale)) {
    return `error: option '--locale' must be en or zh-CN, got ${JSON.stringify(options.locale)}`;
  }
  if (!isTimeZone(options.tz)) {
    return `error: option '--tz' must be an IANA time zone such as Asia/Shanghai, got ${JSON.stringify(options.tz)}`;
  }
  const now = options.now ?? new Date().toISOString();
  if (!isInstant(now)) {
    return `error: option '--now' must be an ISO instant with an offset such as 2026-03-04T10:00:00Z, got ${JSON.stringify(now)}`;
  }
  return { locale: options.locale, timeZone: options.tz, now };
}

/**
 * Registers `repay intent`. Prints `{"intent":"balance"}`, or with entities
 * `{"intent":"promise_to_pay","entities":{"date":"2026-03-06","amount":"150"}}`.
 * A bad --locale, --tz or --now exits 2 with one line on stderr and nothing on stdout.
 * @example registerIntentCommand(program) // repay intent "ill pay friday" --tz America/New_York
 */
export function registerIntentCommand(program: Command, io: IntentCommandIo = processIo): void {
  const command = program
    .command("intent")
    .description("Print the intent and entities the rules read in one borrower message.")
    .argument("<text>", "the borrower's message")
    .option("--locale <locale>", "the borrower's locale: en or zh-CN", "en")
    .option("--tz <zone>", "the borrower's IANA time zone", "UTC")
    .option("--now <instant>", "the current instant, ISO 8601 with offset (default: now)")
    .action((text: string, options: IntentOptions) => {
      const context = readContext(options);
      if (typeof context === "string") {
        io.stderr(`${context}\n`);
        io.exit(2);
        return;
      }
      const { intent, entities } = understand(text, context);
      const printed: Record<string, string> = {};
      if (entities.date !== undefined) printed.date = entities.date;
      if (entities.amount !== undefined) printed.amount = entities.amount;
      const output = Object.keys(printed).length === 0 ? { intent } : { intent, entities: printed };
      io.stdout(`${JSON.stringify(output)}\n`);
    });
  addExamples(command, [
    'repay intent "how much do I owe?"',
    'repay intent "下周五还" --locale zh-CN --tz Asia/Shanghai',
    'repay intent "I\'ll pay on Friday" --tz America/New_York --now 2026-03-04T10:00:00-05:00',
  ]);
}
