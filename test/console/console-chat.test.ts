// The console demo: reminders from the real nudger shown by borrower ref and name, above the prompt, and /nudges.
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { runConsoleChat } from "../../bots/console/console-chat.ts";
import { createNudgeFeed, type NudgeFeed } from "../../bots/console/nudge-feed.ts";
import { createConsoleSender } from "../../bots/nudger/console-sender.ts";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { borrowerWithLoan, clockedMemoryStore } from "../nudger/nudger-builders.ts";

const CSI = "\u001b[";
const CONTROL = new RegExp(`${CSI.replace("[", "\\[")}[0-9;]*[A-Za-z]`, "g");

// 10:00 in New York: in the window. 23:00 in Shanghai: quiet hours.
const NOW = "2026-03-03T15:00:00.000Z";

async function book() {
  const { store, clock } = clockedMemoryStore(NOW);
  await borrowerWithLoan(store, { ref: "001", firstDueDate: "2026-03-02" });
  await borrowerWithLoan(store, {
    ref: "002",
    firstDueDate: "2026-03-02",
    timeZone: "Asia/Shanghai",
  });
  const feed = createNudgeFeed({ borrowers: store.borrowers, settleMs: 10 });
  return { store, clock, feed };
}

async function runNudger(store: Store, feed: NudgeFeed, now: string) {
  const profile = contactProfile("default");
  const channels = ["console"] as const;
  await planTick({ store, profile, channels, onDecision: feed.onDecision }, now);
  await dispatchTick(
    {
      store,
      profile,
      channels,
      senders: { console: createConsoleSender({ write: () => {} }) },
      lenderName: "Demo Lending",
      clock: () => now,
      onDecision: feed.onDecision,
    },
    now,
  );
  await feed.settled();
}

function chat(store: Store, feed: NudgeFeed, terminal: boolean) {
  const input = new PassThrough();
  const output = new PassThrough();
  let written = "";
  output.on("data", (chunk) => {
    written += chunk;
  });
  const assistant = createAssistant({ store, templates: assistantTemplates, lenderName: "Demo" });
  const done = runConsoleChat({
    store,
    assistant,
    input,
    output,
    feed,
    terminal,
    borrowers: undefined,
    now: () => new Date(NOW),
  });
  // What a person sees on the line: terminal control sequences (cursor moves, clears) left out.
  const seen = () => written.replace(CONTROL, "");
  const until = async (pattern: RegExp) => {
    for (let i = 0; i < 200 && !pattern.test(seen()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen()).toMatch(pattern);
  };
  return { input, done, written: () => written, until };
}

describe("console demo reminders", () => {
  it("Should summarise a batch by counts, and list each reminder by borrower ref and name with /nudges", async () => {
    const { store, clock, feed } = await book();
    const session = chat(store, feed, false);
    await session.until(/number 1-2> $/);
    await runNudger(store, feed, clock.now);
    await session.until(/1 reminder sent, 1 held for quiet hours - \/nudges to see them/);
    session.input.write("/nudges\n");
    await session.until(/shows one borrower's reminders in full/);
    const out = session.written();
    expect(out).toMatch(/sent B-001 Borrower 001: Hi Borrower 001, this is Demo Lending/);
    expect(out).toMatch(/held B-002 Borrower 002: quiet hours until Wed 09:00 Asia\/Shanghai/);
    const [b1] = await store.borrowers.search("B-001", 1);
    expect(out).not.toContain(b1?.id);
    session.input.end("/quit\n");
    await session.done;
  });

  it("Should show a reminder to the borrower being chatted as in full, in the conversation", async () => {
    const { store, clock, feed } = await book();
    const session = chat(store, feed, false);
    await session.until(/number 1-2> $/);
    session.input.write("1\n");
    await session.until(/you> $/);
    await runNudger(store, feed, clock.now);
    await session.until(/reminder> Hi Borrower 001, this is Demo Lending/);
    session.input.end("/quit\n");
    await session.done;
  });

  it("Should print a reminder above the prompt on a terminal and redraw the prompt with what was typed", async () => {
    const { store, clock, feed } = await book();
    const session = chat(store, feed, true);
    await session.until(/number 1-2> $/);
    session.input.write("1");
    await session.until(/number 1-2> 1$/);
    const before = session.written().length;
    await runNudger(store, feed, clock.now);
    await session.until(/quiet hours - \/nudges to see them/);
    await session.until(/number 1-2> 1$/);
    const after = session.written().slice(before);
    // Cleared from the start of the prompt row, the notice on its own line, then the prompt and "1" again.
    const notice = "── 1 reminder sent, 1 held for quiet hours - /nudges to see them\n";
    expect(after.indexOf(`${CSI}0J${notice}`)).toBeGreaterThanOrEqual(0);
    expect(after.slice(after.indexOf(notice) + notice.length)).toMatch(/number 1-2> 1.{0,8}$/);
    session.input.write("\r");
    await session.until(/You are Borrower 001/);
    session.input.end("/quit\r");
    await session.done;
  });
});
