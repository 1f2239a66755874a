// The assistant in a terminal: pick a demo borrower, then chat; a number taps that choice.
import type { Readable, Writable } from "node:stream";
import type { Assistant, Reply } from "../../core/assistant/index.ts";
import type { Borrower, Store } from "../../core/ports/index.ts";
import { type ConsoleScreen, createConsoleScreen } from "./console-screen.ts";
import type { FeedEntry, NudgeFeed } from "./nudge-feed.ts";
import { renderConsoleReply } from "./render-console.ts";
import { feedListing, feedSummary } from "./render-feed.ts";

export interface ConsoleChatDeps {
  readonly store: Store;
  readonly assistant: Assistant;
  readonly input: Readable;
  readonly output: Writable;
  readonly now?: () => Date;
  /** Borrowers offered at the start (default: the first 20 demo borrowers, refs "B-..."). */
  readonly borrowers?: readonly Borrower[];
  /** The nudger's reminders, shown above the prompt as they happen and listed by /nudges. */
  readonly feed?: NudgeFeed;
  /** Default: output.isTTY. On a terminal, notices are printed above the line being typed. */
  readonly terminal?: boolean;
  /** Called with a printer for other notices (log lines) while the chat holds the terminal. */
  readonly onNotices?: (print: ((line: string) => void) | undefined) => void;
}

const HELP =
  "Type a message, or the number of a choice. /nudges lists the reminders, /switch picks another borrower, /quit leaves.";

/** Runs until the input ends or the person types /quit. */
export async function runConsoleChat(deps: ConsoleChatDeps): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const screen = createConsoleScreen({
    input: deps.input,
    output: deps.output,
    ...(deps.terminal !== undefined ? { terminal: deps.terminal } : {}),
  });
  const borrowers = deps.borrowers ?? (await deps.store.borrowers.search("B-", 20));
  if (borrowers.length === 0) {
    screen.say(
      "There are no borrowers yet. Import loans (repay import loans FILE) or seed the demo book (repay db seed --demo).",
    );
    screen.close();
    return;
  }
  let borrower: Borrower | undefined;
  const showBatch = (batch: readonly FeedEntry[]) => {
    for (const entry of batch) {
      if (entry.outcome === "sent" && entry.borrowerId === borrower?.id) {
        screen.above(
          renderConsoleReply({ text: entry.text ?? "", choices: [], handoff: false }, "reminder"),
        );
      }
    }
    screen.above(feedSummary(batch));
  };
  const unsubscribe = deps.feed?.subscribe(showBatch);
  deps.onNotices?.((line) => screen.above(line));
  try {
    borrower = await pick(borrowers, screen, deps.feed);
    let last: Reply | undefined;
    while (borrower) {
      const line = await screen.ask("you> ");
      if (line === undefined || line === "/quit") break;
      if (line === "") continue;
      if (line === "/help") {
        screen.say(HELP);
        continue;
      }
      if (line === "/nudges" || line.startsWith("/nudges ")) {
        screen.say(nudges(deps.feed, line));
        continue;
      }
      if (line === "/switch") {
        borrower = await pick(borrowers, screen, deps.feed);
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
      screen.say(renderConsoleReply(reply));
    }
  } finally {
    deps.onNotices?.(undefined);
    unsubscribe?.();
    screen.close();
  }
}

function nudges(feed: NudgeFeed | undefined, line: string): string {
  if (!feed) return "Reminders are not shown in this chat.";
  const ref = line.slice("/nudges".length).trim();
  return feedListing(feed.entries(), ref || undefined);
}

async function pick(
  borrowers: readonly Borrower[],
  screen: ConsoleScreen,
  feed: NudgeFeed | undefined,
): Promise<Borrower | undefined> {
  screen.say("Chat as which demo borrower?");
  for (const [i, b] of borrowers.entries()) {
    screen.say(`  [${i + 1}] ${b.name} (${b.externalRef}, ${b.locale}, ${b.timeZone})`);
  }
  for (;;) {
    const answer = await screen.ask(`number 1-${borrowers.length}> `);
    if (answer === undefined || answer === "/quit") return undefined;
    if (answer === "/nudges" || answer.startsWith("/nudges ")) {
      screen.say(nudges(feed, answer));
      continue;
    }
    const chosen = borrowers[Number(answer) - 1];
    if (chosen) {
      screen.say(`You are ${chosen.name}. ${HELP}`);
      return chosen;
    }
    screen.say(`Please type a number from 1 to ${borrowers.length}.`);
  }
}
