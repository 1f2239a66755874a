// The assistant in a terminal: pick a demo borrower, then chat; a number taps that choice.
import { createInterface } from "node:readline/promises";
import type { Readable, Writable } from "node:stream";
import type { Assistant, Reply } from "../../core/assistant/index.ts";
import type { Borrower, Store } from "../../core/ports/index.ts";
import { renderConsoleReply } from "./render-console.ts";

export interface ConsoleChatDeps {
  readonly store: Store;
  readonly assistant: Assistant;
  readonly input: Readable;
  readonly output: Writable;
  readonly now?: () => Date;
  /** Borrowers offered at the start (default: the first 20 demo borrowers, refs "B-..."). */
  readonly borrowers?: readonly Borrower[];
}

const HELP =
  "Type a message, or the number of a choice. /switch picks another borrower, /quit leaves.";

/** Runs until the input ends or the person types /quit. */
export async function runConsoleChat(deps: ConsoleChatDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const rl = createInterface({ input: deps.input, output: deps.output, terminal: false });
  const say = (text: string) => deps.output.write(`${text}\n`);
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (prompt: string): Promise<string | undefined> => {
    deps.output.write(prompt);
    const next = await lines.next();
    return next.done ? undefined : next.value.trim();
  };
  const borrowers = deps.borrowers ?? (await deps.store.borrowers.search("B-", 20));
  if (borrowers.length === 0) {
    say(
      "There are no borrowers yet. Import loans (repay import loans FILE) or seed the demo book (repay db seed --demo).",
    );
    rl.close();
    return;
  }
  try {
    let borrower = await pick(borrowers, ask, say);
    let last: Reply | undefined;
    while (borrower) {
      const line = await ask("you> ");
      if (line === undefined || line === "/quit") break;
      if (line === "") continue;
      if (line === "/help") {
        say(HELP);
        continue;
      }
      if (line === "/switch") {
        borrower = await pick(borrowers, ask, say);
        last = undefined;
        continue;
      }
      const index = /^\d{1,2}$/.test(line) ? Number(line) - 1 : -1;
      const choice = last?.choices[index];
      const reply = await deps.assistant.respond({
        borrowerId: borrower.id,
        channel: "console",
        at: now().toISOString(),
        ...(choice ? { action: choice.action } : { text: line }),
      });
      last = reply;
      say(renderConsoleReply(reply));
    }
  } finally {
    rl.close();
  }
}

async function pick(
  borrowers: readonly Borrower[],
  ask: (prompt: string) => Promise<string | undefined>,
  say: (text: string) => void,
): Promise<Borrower | undefined> {
  say("Chat as which demo borrower?");
  for (const [i, b] of borrowers.entries()) {
    say(`  [${i + 1}] ${b.name} (${b.externalRef}, ${b.locale}, ${b.timeZone})`);
  }
  for (;;) {
    const answer = await ask(`number 1-${borrowers.length}> `);
    if (answer === undefined || answer === "/quit") return undefined;
    const chosen = borrowers[Number(answer) - 1];
    if (chosen) {
      say(`You are ${chosen.name}. ${HELP}`);
      return chosen;
    }
    say(`Please type a number from 1 to ${borrowers.length}.`);
  }
}
