// A balance turn's store work alone: the five single calls a turn made before, against the two it makes now.
//   npx tsx bench/reply-store.ts                 50 chats at once, 6 rounds (the first is warm-up)
//   npx tsx bench/reply-store.ts --chats 20 --rounds 10
//
// bench:telegram measures whole turns (webhook, bot, assistant, fake Bot API) in one noisy
// process; this isolates the database part of a turn. Every chat runs the same reads and writes
// a balance turn does, all chats at once, alternating the two ways round by round so both see
// the same machine: "five" is identities.findBorrower, contact.activePauses,
// conversation.append, loans.forBorrowerWithTransactions, conversation.append; "two" is
// identities.findBorrowerForMessage and conversation.appendMany, which the Prisma store serves
// for all chats asking at once with one statement each (call-batcher.ts). CPU is this process's own
// (PGlite's database work included; PostgreSQL's server is another process), the median of the
// timed rounds, per turn. "twoAlone" runs the two calls chat after chat, one turn at a time: on
// PGlite, whose statements run inside the bot's own event loop, chats rarely ask in the same
// turn of the loop, so this is what most of its turns cost. PGlite in memory, then PostgreSQL on
// TEST_POSTGRES_URL (else skipped). "turnAlone" is the whole of a balance turn below the bot,
// chat after chat: findBorrowerForMessage, then the assistant's answer to "how much do I owe?"
// with its own appendMany: what the repayment bot does beyond an echo bot, but for grammY's
// middleware and the reply's keyboard.
import { parseArgs } from "node:util";
import { createAssistant } from "../core/assistant/index.ts";
import type { ConversationMessage, Store } from "../core/ports/index.ts";
import { createPrismaStore } from "../prisma/store/index.ts";
import { assistantTemplates } from "../prompts/index.ts";
import { type BenchTarget, pgliteTarget, postgresTarget } from "./lib/bench-databases.ts";
import { positiveInt } from "./lib/cli-args.ts";
import { linkedBorrowers } from "./lib/linked-borrowers.ts";
import { progress, round } from "./lib/measure.ts";
import { seededRandom } from "./prng.ts";

const { values } = parseArgs({
  options: {
    chats: { type: "string", default: "50" },
    rounds: { type: "string", default: "6" },
    seed: { type: "string", default: "20260115" },
  },
});
const chats = positiveInt("chats", values.chats);
const rounds = positiveInt("rounds", values.rounds);
const seed = positiveInt("seed", values.seed);

type TurnWork = (store: Store, telegramId: number, at: string) => Promise<void>;

const message = (borrowerId: string, direction: "inbound" | "outbound", at: string) =>
  ({ borrowerId, channel: "telegram", direction, text: "balance", at, author: "bench" }) as const;

const fiveCalls: TurnWork = async (store, telegramId, at) => {
  const borrower = await store.identities.findBorrower("telegram", String(telegramId));
  if (!borrower) throw new Error(`chat ${telegramId} not linked`);
  await store.contact.activePauses(borrower.id, at);
  await store.conversation.append(message(borrower.id, "inbound", at));
  await store.loans.forBorrowerWithTransactions(borrower.id, "active");
  await store.conversation.append(message(borrower.id, "outbound", at));
};

const twoCalls: TurnWork = async (store, telegramId, at) => {
  const found = await store.identities.findBorrowerForMessage("telegram", String(telegramId), at);
  if (!found) throw new Error(`chat ${telegramId} not linked`);
  const turn: ConversationMessage[] = [
    message(found.borrower.id, "inbound", at),
    message(found.borrower.id, "outbound", at),
  ];
  await store.conversation.appendMany(turn);
};

/** A balance question answered as the bot does, given the read it made for the update. */
function wholeTurn(logTo: Store): TurnWork {
  const assistant = createAssistant({
    store: logTo,
    templates: assistantTemplates,
    lenderName: "Bench",
  });
  return async (store, telegramId, at) => {
    const found = await store.identities.findBorrowerForMessage("telegram", String(telegramId), at);
    if (!found) throw new Error(`chat ${telegramId} not linked`);
    const reply = await assistant.respond({
      borrowerId: found.borrower.id,
      borrower: found.borrower,
      activeLoans: found.activeLoans,
      channel: "telegram",
      text: "how much do I owe?",
      at,
    });
    if (!/\d/.test(reply.text))
      throw new Error(`chat ${telegramId}: no balance in "${reply.text}"`);
  };
}

const median = (samples: number[]) => samples.sort((a, b) => a - b)[samples.length >> 1] ?? 0;

async function bench(target: BenchTarget) {
  const { db, dispose } = await target.open();
  try {
    const store = createPrismaStore(db.prisma);
    progress(`${target.kind}: importing and linking ${chats} borrowers`);
    const borrowers = await linkedBorrowers(store, seededRandom(seed), chats, new Date());
    const cpu: Record<"five" | "two" | "twoAlone" | "turnAlone", number[]> = {
      five: [],
      two: [],
      twoAlone: [],
      turnAlone: [],
    };
    const turn = wholeTurn(store);
    /** One round of `work` for every chat, all at once or chat after chat: CPU ms per chat. */
    const timedRound = async (work: TurnWork, together: boolean) => {
      const at = new Date().toISOString();
      const before = process.cpuUsage();
      if (together) await Promise.all(borrowers.map((b) => work(store, b.telegramId, at)));
      else for (const b of borrowers) await work(store, b.telegramId, at);
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000 / chats;
    };
    for (let r = 0; r < rounds; r += 1) {
      const ways = [
        ["five", fiveCalls, true],
        ["two", twoCalls, true],
        ["twoAlone", twoCalls, false],
        ["turnAlone", turn, false],
      ] as const;
      for (const [way, work, together] of ways) {
        const ms = await timedRound(work, together);
        if (r > 0) cpu[way].push(ms);
      }
    }
    const five = median(cpu.five);
    const two = median(cpu.two);
    return {
      database: target.kind,
      cpuMsPerTurnFiveCalls: round(five),
      cpuMsPerTurnTwoCalls: round(two),
      twoVsFive: round(two / five),
      cpuMsPerTurnTwoCallsAlone: round(median(cpu.twoAlone)),
      cpuMsPerTurnBelowTheBot: round(median(cpu.turnAlone)),
    };
  } finally {
    await dispose();
  }
}

const pglite = await bench(pgliteTarget);
const postgres = await postgresTarget();
process.stdout.write(
  `${JSON.stringify({
    chats,
    timedRounds: rounds - 1,
    pglite,
    postgres: "skipped" in postgres ? { skipped: postgres.skipped } : await bench(postgres),
  })}\n`,
);
