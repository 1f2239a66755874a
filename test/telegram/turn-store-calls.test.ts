// A balance question on Telegram is two store calls: one read (borrower, pauses, loans) and one write (the log).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { generateLinkCode, hashLinkCode } from "../../bots/linking/link-code.ts";
import type { Store } from "../../core/ports/index.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { anaLoan } from "../helpers/api.ts";
import { botFor, chatUser } from "../helpers/telegram.ts";

const NOW = new Date("2026-04-01T14:00:00Z");

/** `store` with the name of every store call it answers kept, in call order. */
function recording(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const parts = Object.entries(store).map(([part, methods]) => {
    if (typeof methods === "function") return [part, methods];
    const wrapped = Object.fromEntries(
      Object.entries(methods as Record<string, unknown>).map(([name, method]) => [
        name,
        typeof method === "function"
          ? (...args: unknown[]) => {
              calls.push(`${part}.${name}`);
              return method(...args);
            }
          : method,
      ]),
    );
    return [part, wrapped];
  });
  return { store: Object.fromEntries(parts) as Store, calls };
}

let db: Database;
let fake: FakeTelegram;
let bot: ReturnType<typeof botFor>;
let recorded: ReturnType<typeof recording>;

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  const store = createPrismaStore(db.prisma);
  await importLoans(store, [{ line: 2, fields: anaLoan }]);
  recorded = recording(store);
  fake = await startFakeTelegram();
  bot = botFor(recorded.store, fake, () => NOW);
  void bot.start();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await db?.close();
});

describe("a Telegram turn's store calls", () => {
  it("answers a balance question with one read and one write, and reads afresh next turn", async () => {
    const ana = (await recorded.store.borrowers.byRef("B-001"))!;
    const code = generateLinkCode();
    await recorded.store.linkCodes.issue(ana.id, hashLinkCode(code), "2026-04-02T00:00:00.000Z");
    const user = chatUser(fake, 101);
    await user.say(`/start ${code}`);

    recorded.calls.length = 0;
    const before = await user.say("how much do I owe?");
    expect(before.text).toMatch(/\d/);
    expect(recorded.calls).toEqual([
      "identities.findBorrowerForMessage",
      "conversation.appendMany",
    ]);

    // A payment between two questions shows in the next answer: nothing was kept.
    const loan = (await recorded.store.loans.byRef("L-001"))!;
    await recorded.store.transactions.record(loan.id, "p1", {
      type: "payment",
      date: "2026-03-25",
      amount: { minor: 5000n, currency: "USD" },
    });
    const after = await user.say("how much do I owe?");
    expect(after.text).not.toBe(before.text);
  });
});
