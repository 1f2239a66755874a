// The borrower's Telegram bot end to end: real grammY, the fake Bot API, the store on PGlite.
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { generateLinkCode, hashLinkCode } from "../../bots/linking/link-code.ts";
import { telegramWebhook } from "../../bots/telegram/webhook-route.ts";
import type { Store } from "../../core/ports/index.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { anaLoan } from "../helpers/api.ts";
import { botFor, buttons, chatUser } from "../helpers/telegram.ts";

const NOW = new Date("2026-04-01T14:00:00Z");
const now = () => NOW;
const fangLoan = {
  ...anaLoan,
  borrowerRef: "B-002",
  borrowerName: "王芳",
  phone: "+8613800138000",
  locale: "zh-CN",
  timeZone: "Asia/Shanghai",
  loanRef: "L-002",
  principal: "8000.00",
  currency: "CNY",
  lateFeeFlat: "75.00",
  lateFeeCap: "300.00",
};

let db: Database;
let store: Store;
let fake: FakeTelegram;
let bot: ReturnType<typeof botFor>;
const log: string[] = [];

async function linkCodeFor(ref: string): Promise<string> {
  const borrower = (await store.borrowers.byRef(ref))!;
  const code = generateLinkCode();
  await store.linkCodes.issue(borrower.id, hashLinkCode(code), "2026-04-02T00:00:00.000Z");
  return code;
}

beforeAll(async () => {
  db = await openDatabase({ memory: true });
  store = createPrismaStore(db.prisma);
  await importLoans(store, [
    { line: 2, fields: anaLoan },
    { line: 3, fields: fangLoan },
  ]);
  const ana = (await store.loans.byRef("L-001"))!;
  await store.transactions.record(ana.id, "p1", {
    type: "payment",
    date: "2026-03-20",
    amount: { minor: 5000n, currency: "USD" },
  });
  fake = await startFakeTelegram();
  bot = botFor(store, fake, now, log);
  void bot.start();
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await db?.close();
});

describe("Telegram bot", () => {
  it("tells an unlinked user only how to link, never anyone's numbers", async () => {
    const stranger = chatUser(fake, 900);
    const reply = await stranger.say("how much do I owe?");
    expect(reply.text).toContain("open the link your lender sent you");
    expect(reply.text).not.toMatch(/\d/);
  });

  it("links with a one-time code, which works only once", async () => {
    const code = await linkCodeFor("B-001");
    const ana = chatUser(fake, 101);
    expect((await ana.say(`/start ${code}`)).text).toContain("You're linked, Ana");
    const thief = chatUser(fake, 666);
    expect((await thief.say(`/start ${code}`)).text).toContain("isn't valid or has expired");
    expect(await store.identities.find("telegram", "666")).toBeUndefined();
  });

  it("answers a balance question in English with the ledger's exact figures", async () => {
    const reply = await chatUser(fake, 101).say("how much do I owe?");
    // 1276.82 outstanding and 205.08 overdue as of 2026-04-01 (see test/core/ledger worked example)
    expect(reply.text).toContain("$1,276.82");
    expect(reply.text).toContain("$205.08");
    expect(buttons(reply).length).toBeGreaterThan(0);
  });

  it("links a Chinese borrower by their own shared contact and answers in Chinese", async () => {
    const fang = chatUser(fake, 202, "zh-hans");
    expect((await fang.shareContact("+86 138 0013 8000", 999)).text).toContain("本人");
    expect((await fang.shareContact("+86 138 0013 8000")).text).toContain("王芳");
    const reply = await fang.say("我还欠多少？");
    expect(reply.text).toContain("¥");
    expect(reply.text).not.toContain("$");
  });

  it("takes a plan through buttons and records it once", async () => {
    const ana = chatUser(fake, 101);
    const offer = await ana.say("/plan");
    const pick = buttons(offer).find((b) => b.startsWith("plan:pick:"));
    expect(pick).toBeDefined();
    const confirmation = await ana.tap(pick as string, offer);
    const confirm = buttons(confirmation).find((b) => b.startsWith("plan:confirm:"));
    expect(confirm).toBeDefined();
    await ana.tap(confirm as string, confirmation);
    await ana.tap(confirm as string, confirmation);
    const loan = (await store.loans.byRef("L-001"))!;
    const reschedules = (await store.transactions.forLoan(loan.id)).filter(
      (t) => t.transaction.type === "reschedule",
    );
    expect(reschedules).toHaveLength(1);
    expect(
      (await store.plans.forLoan(loan.id)).filter((p) => p.status === "accepted"),
    ).toHaveLength(1);
  });

  it("records a promise to pay with its date", async () => {
    const reply = await chatUser(fake, 202).say("我周五还");
    expect(reply.text).toMatch(/4月3日/);
    const fang = (await store.borrowers.byRef("B-002"))!;
    const promises = await store.contact.promises(fang.id);
    expect(promises.map((p) => p.promisedFor)).toEqual(["2026-04-03"]);
  });

  it("stops automated reminders on /stop", async () => {
    const reply = await chatUser(fake, 202).say("/stop");
    expect(reply.text.length).toBeGreaterThan(0);
    const fang = (await store.borrowers.byRef("B-002"))!;
    expect(await store.contact.optedOutChannels(fang.id)).toEqual(["telegram"]);
  });

  it("hands the chat to a person on request", async () => {
    await chatUser(fake, 101).say("I want to talk to a person");
    const ana = (await store.borrowers.byRef("B-001"))!;
    expect((await store.handoffs.active(ana.id))?.reason).toBe("human_agent");
  });

  it("shows a user linked to another borrower only that borrower's numbers", async () => {
    const reply = await chatUser(fake, 202).say("balance");
    expect(reply.text).not.toContain("1,276.82");
    expect(reply.text).not.toContain("$");
  });

  it("gives a pay link on /pay and stores every message for agents", async () => {
    const reply = await chatUser(fake, 101).say("/pay");
    expect(reply.text).toContain("https://pay.example.com/L-001?amount=");
    const ana = (await store.borrowers.byRef("B-001"))!;
    const messages = await store.conversation.recent(ana.id, 100);
    expect(messages.filter((m) => m.direction === "inbound").length).toBeGreaterThanOrEqual(4);
    expect(messages.filter((m) => m.direction === "outbound").length).toBeGreaterThanOrEqual(4);
  });
});

describe("Telegram webhook", () => {
  it("refuses a wrong secret with 401, bad JSON with 400, and answers a good update", async () => {
    const hookFake = await startFakeTelegram();
    const hookBot = botFor(store, hookFake, now);
    const app = new Hono().post("/telegram/webhook", telegramWebhook(hookBot, "s3cret"));
    const post = (body: string, secret?: string) =>
      app.request("/telegram/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}),
        },
        body,
      });
    const update = JSON.stringify({
      update_id: 1,
      ...hookFake.userMessage({ id: 101, first_name: "Ana" }, "balance"),
    });
    expect((await post(update, "wrong")).status).toBe(401);
    expect((await post(update)).status).toBe(401);
    expect((await post("{nope", "s3cret")).status).toBe(400);
    expect((await post(JSON.stringify({ hello: 1 }), "s3cret")).status).toBe(400);
    expect(hookFake.sentMessages(101)).toHaveLength(0);
    expect((await post(update, "s3cret")).status).toBe(200);
    expect(hookFake.sentMessages(101)[0]?.text).toContain("$1,");
    await hookFake.close();
  });
});

describe("Telegram bot and the nudger", () => {
  it("lifts the nudger's unreachable pause when the borrower writes again", async () => {
    const ana = (await store.borrowers.byRef("B-001"))!;
    await store.contact.pause({
      borrowerId: ana.id,
      reason: "unreachable",
      createdBy: "nudger:telegram",
    });
    // a second device of Ana's, linked with a fresh code (user 101 is at the flood limit by now)
    const phone = chatUser(fake, 303);
    await phone.say(`/start ${await linkCodeFor("B-001")}`);
    await phone.say("hi");
    const pauses = await store.contact.activePauses(ana.id, NOW.toISOString());
    expect(pauses.filter((p) => p.reason === "unreachable")).toEqual([]);
  });
});
