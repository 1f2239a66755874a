// A terminal line editor that can print above the prompt: notices never break the line being typed.
import { clearScreenDown, cursorTo, moveCursor } from "node:readline";
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";

export interface ConsoleScreen {
  /** Shows `prompt` and resolves with the next line (trimmed), or undefined when input ends. */
  ask(prompt: string): Promise<string | undefined>;
  /** Writes a line in the conversation's flow. */
  say(text: string): void;
  /** Writes a line above the prompt and redraws the prompt with what was typed so far. */
  above(text: string): void;
  close(): void;
}

/**
 * On a terminal (`terminal`: default output.isTTY) readline edits the line, so a notice can
 * clear the prompt row(s), print, and redraw prompt and typed text with the cursor where it was.
 * Piped input has no typed line to keep: a notice during a prompt goes on its own line and
 * the prompt is written again.
 *
 * @example const screen = createConsoleScreen({ input: process.stdin, output: process.stdout });
 */
export function createConsoleScreen(io: {
  readonly input: Readable;
  readonly output: Writable;
  readonly terminal?: boolean;
}): ConsoleScreen {
  const { output } = io;
  const terminal = io.terminal ?? Boolean((output as Writable & { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input: io.input, output, terminal });
  // Ctrl+C in a raw terminal reaches readline, not the process: leave the chat as /quit would.
  rl.on("SIGINT", () => rl.close());
  const lines = rl[Symbol.asyncIterator]();
  let prompt: string | undefined;

  return {
    async ask(text) {
      prompt = text;
      rl.setPrompt(text);
      rl.prompt();
      const next = await lines.next().catch(() => ({ done: true as const, value: undefined }));
      prompt = undefined;
      return next.done ? undefined : next.value.trim();
    },
    say(text) {
      output.write(`${text}\n`);
    },
    above(text) {
      if (prompt === undefined) {
        output.write(`${text}\n`);
        return;
      }
      if (terminal) {
        moveCursor(output, 0, -rl.getCursorPos().rows);
        cursorTo(output, 0);
        clearScreenDown(output);
        output.write(`${text}\n`);
        rl.prompt(true);
        return;
      }
      output.write(`\n${text}\n${prompt}`);
    },
    close: () => rl.close(),
  };
}
