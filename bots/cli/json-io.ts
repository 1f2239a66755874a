// JSON on stdin, JSON on stdout, and one clear line on stderr (exit 1) when the input is wrong.
import { isDomainError } from "../../core/errors/index.ts";
import { InputError } from "../loan-json/index.ts";

export { InputError };

export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new InputError(
      "",
      "expected JSON on standard input (pipe a file: repay state < loan.json)",
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function parseJson(text: string): unknown {
  if (text.trim() === "")
    throw new InputError("", "standard input is empty; expected a JSON object");
  try {
    return JSON.parse(text);
  } catch (error) {
    const lines = jsonLines(text);
    if (lines > 1) {
      throw new InputError(
        "",
        `standard input holds ${lines} lines of JSON; this command reads one JSON object (its fields are in --help)`,
      );
    }
    throw new InputError("", `input is not valid JSON (${(error as Error).message})`);
  }
}

/** How many non-empty lines, each a JSON value on its own; 0 when any is not. */
function jsonLines(text: string): number {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  try {
    for (const line of lines) JSON.parse(line);
    return lines.length;
  } catch {
    return 0;
  }
}

/** Runs a JSON command: stdout gets only the result; any failure is one line on stderr. */
export async function runJsonCommand(build: (input: unknown) => unknown): Promise<void> {
  try {
    const output = build(parseJson(await readStdin()));
    process.stdout.write(`${JSON.stringify(output)}\n`);
  } catch (error) {
    process.stderr.write(`error: ${describe(error).replace(/\s*\n\s*/g, " ")}\n`);
    process.exitCode = 1;
  }
}

function describe(error: unknown): string {
  if (error instanceof InputError) return error.message;
  if (isDomainError(error)) {
    const field = typeof error.details.field === "string" ? `${error.details.field}: ` : "";
    return `${field}${error.message.replace(new RegExp(`^${field.slice(0, -2)} `), "")} [${error.code}]`;
  }
  return error instanceof Error ? error.message : String(error);
}
