// App Home and the daily digest: each agent's queue with buttons to the card, and the digest in the collections channel.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { ACTION, decodeTarget } from "../../bots/slack/action-ids.ts";
import { type SlackApp, startDigestSchedule } from "../../bots/slack/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { planOptions } from "../../core/plans/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { type FakeSlack, type SlackCall, startFakeSlack } from "../fakes/slack-api/index.ts";
import { anaLoan } from "../helpers/api.ts";
import {
  AGENT,
  blocksText,
  CHANNEL,
  loanRow,
  pressButton,
  STRANGER,
  sendEvent,
  startSlackApp,
} from "./slack-helpers.ts";

const NOW = new Date("2026-04-01T14:00:00Z");
const CURRENT = { disbursedOn: "2026-03-01", firstDueDate: "2026-04-15" };
let clock = NOW;
let store: Store;
let fake: FakeSlack;
let slack: SlackApp;
let url: string;

async function borrowerId(ref: string): Promise<string> {
  return (await store.borrowers.byRef(ref))?.id as string;
}

function homeOpened(user: string) {
  return sendEvent(url, {
    type: "app_home_opened",
    user,
    channel: `D${user}`,
    tab: "home",
    event_ts: "1700000000.000300",
  });
}

async function publishedFor(user: string): Promise<SlackCall> {
  return fake.waitFor((c) => c.method === "views.publish" && c.args.user_id === user);
}

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
function headers(blocks: any[]): string[] {
  return blocks.filter((b) => b.type === "header").map((b) => b.text.text);
}

beforeAll(async () => {
  store = createMemoryStore();
  await importLoans(store, [
    { line: 2, fields: anaLoan },
    { line: 3, fields: loanRow("B-002", "Ben Okafor", "+447700900456", CURRENT) },
    { line: 4, fields: loanRow("B-003", "Chen Wei", "+8613800138000", CURRENT) },
    { line: 5, fields: loanRow("B-004", "Dana Kim", "+12125550404", CURRENT) },
    { line: 6, fields: loanRow("B-005", "Eve Adams", "+12125550505") },
  ]);
  const at = NOW.toISOString();
  // Ben asked for a person.
  await store.handoffs.open(await borrowerId("B-002"), "human_agent", at);
  // Chen broke a promise to pay.
  const chenLoan = (await store.loans.byRef("L-003"))!;
  const promise = await store.contact.promise({
    borrowerId: chenLoan.borrowerId,
    loanId: chenLoan.id,
    amount: chenLoan.terms.principal,
    promisedFor: "2026-03-25",
  });
  await store.contact.setPromiseStatus(promise.id, "broken", at);
  // Dana disputes the debt in chat: a dispute pause and a dispute handoff.
  const dana = await borrowerId("B-004");
  await store.contact.pause({ borrowerId: dana, reason: "dispute", createdBy: "assistant" });
  await store.handoffs.open(dana, "dispute", at);
  // Eve is as late as Ana but has accepted a plan: nothing for an agent to do.
  const eveLoan = (await store.loans.byRef("L-005"))!;
  const [option] = planOptions(eveLoan, [], "2026-04-01").options;
  const plan = await store.plans.propose(eveLoan.id, option!, "assistant", at);
  await store.plans.accept(plan.id, at);

  fake = await startFakeSlack();
  fake.addUser(AGENT, "Maria Santos");
  ({ slack, url } = await startSlackApp(store, fake, { now: () => clock }));
});

afterAll(async () => {
  await slack?.stop();
  await fake?.close();
});

describe("App Home", () => {
  it("Should show an agent their queue: handoffs, disputes, broken promises and 30+ days with no plan", async () => {
    expect((await homeOpened(AGENT)).status).toBe(200);
    const { view } = (await publishedFor(AGENT)).args;
    expect(view.type).toBe("home");
    expect(headers(view.blocks)).toEqual([
      "Open handoffs (1)",
      "Disputes (1)",
      "Broken promises (1)",
      "30+ days past due, no plan (1)",
    ]);
    const text = blocksText(view.blocks);
    expect(text).toMatch(/Ben Okafor\* · B-002 · \+44 •••• •••0456\\nopen, since 2026-04-01/);
    expect(text).toContain("Dana Kim");
    expect(text).toMatch(/Chen Wei\* · B-003 .*1 broken, last for 2026-03-25/);
    expect(text).toMatch(/Ana Lopez\* · B-001 .*L-001: 45 days past due, no plan/);
    // The score and its reasons from the points table, under each entry.
    expect(text).toMatch(
      /L-001: 45 days past due, no plan\\nScore 21\/100 \(poor\): 0 of 2 installments paid on time \(0%\); longest delinquency 45 days; no promises to pay settled yet/,
    );
    expect(text).not.toContain("Eve Adams");
    expect(text).not.toContain("2125550101");
  });

  it("Should give every queue item a button that opens the borrower's card, and audit the view", async () => {
    const { view } = (await publishedFor(AGENT)).args;
    // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
    const items = view.blocks.filter((b: any) => b.type === "section");
    expect(items).toHaveLength(4);
    for (const item of items) expect(item.accessory?.action_id).toBe(ACTION.openCard);
    const ana = await borrowerId("B-001");
    // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
    const anaItem = items.find((b: any) => decodeTarget(b.accessory.value)?.borrowerId === ana);

    await pressButton(url, AGENT, ACTION.openCard, anaItem.accessory.value);
    const opened = await fake.waitFor(
      (c) => c.method === "views.open" && /Ana Lopez · B-001/.test(blocksText(c.args.view.blocks)),
    );
    expect(opened.args.view.type).toBe("modal");
    expect(blocksText(opened.args.view.blocks)).toContain("+1 •••• •••0101");
    const [entry] = await store.audit.forSubject(`borrower:${ana}`, 1);
    expect(entry).toMatchObject({ actor: `agent:${AGENT}`, action: "borrower.viewed" });
  });

  it("Should show a non-agent a polite refusal and no one's data, and audit the attempt", async () => {
    await homeOpened(STRANGER);
    const { view } = (await publishedFor(STRANGER)).args;
    const text = blocksText(view.blocks);
    expect(text).toContain("only for the collections team");
    for (const name of ["Ana", "Ben", "Chen", "Dana"]) expect(text).not.toContain(name);
    expect(await store.audit.forSubject(`slack-user:${STRANGER}`, 5)).toMatchObject([
      { action: "slack.refused", payload: { kind: "app_home", what: "app_home_opened" } },
    ]);
  });
});

describe("Daily digest", () => {
  it("Should post the queue to the collections channel, masked, with counts that match the store", async () => {
    await slack.postDigest({ timeZone: "America/New_York" });
    const post = await fake.waitFor(
      (c) => c.method === "chat.postMessage" && /Daily queue/.test(c.args.text),
    );
    expect(post.args.channel).toBe(CHANNEL);
    const text = blocksText(post.args.blocks);
    expect(text).toContain("Daily queue for 2026-04-01");
    expect(text).toContain("+1 •••• •••0101");
    for (const raw of ["2125550101", "7700900456", "13800138000", "2125550404"])
      expect(text).not.toContain(raw);
    expect(text).not.toContain(ACTION.openCard);

    const handoffs = await store.handoffs.listActive(100);
    const broken = new Set((await store.contact.brokenPromises(100)).map((p) => p.borrowerId));
    let noPlan = 0;
    for (const loan of await store.loans.listActive(100)) {
      const txs = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
      const late = loanStateAsOf(loan, txs, "2026-04-01").daysPastDue >= 30;
      const planned = (await store.plans.forLoan(loan.id)).some((p) => p.status === "accepted");
      if (late && !planned) noPlan += 1;
    }
    const counts = {
      handoff: handoffs.filter((h) => h.reason !== "dispute").length,
      dispute: handoffs.filter((h) => h.reason === "dispute").length,
      broken: broken.size,
      noPlan,
    };
    expect(headers(post.args.blocks)).toEqual([
      `Open handoffs (${counts.handoff})`,
      `Disputes (${counts.dispute})`,
      `Broken promises (${counts.broken})`,
      `30+ days past due, no plan (${counts.noPlan})`,
    ]);
    const total = counts.handoff + counts.dispute + counts.broken + counts.noPlan;
    expect(total).toBe(4);
    expect(post.args.text).toBe(`Daily queue: ${total} item(s) need an agent`);

    // Each entry shows its repayment score with reasons, lowest first within its category.
    const groups: number[][] = [];
    const blocks = post.args.blocks as { type: string; text: { text: string } }[];
    for (const block of blocks) {
      if (block.type === "header") groups.push([]);
      else if (groups.length > 0 && block.type === "section") {
        const score = /Score (\d+)\/100 \((good|fair|poor)\): \S/.exec(block.text.text);
        expect(score, block.text.text).not.toBeNull();
        groups.at(-1)?.push(Number(score?.[1]));
      }
    }
    expect(groups.flat()).toHaveLength(total);
    for (const scores of groups) expect(scores).toEqual([...scores].sort((a, b) => a - b));
  });

  it("Should post the digest by itself at 09:00 in the digest's zone, and not after stop", async () => {
    const timers: { run: () => void; delayMs: number; cancelled: boolean }[] = [];
    const stop = startDigestSchedule({
      slack,
      timeZone: "America/New_York",
      hour: 9,
      now: () => clock,
      setTimer: (run, delayMs) => {
        const timer = { run, delayMs, cancelled: false };
        timers.push(timer);
        return () => {
          timer.cancelled = true;
        };
      },
    });
    // 10:00 in New York on April 1: the next digest is 09:00 on April 2, 23 hours away.
    expect(timers.map((t) => t.delayMs)).toEqual([23 * 3_600_000]);
    clock = new Date("2026-04-02T13:00:00Z");
    timers[0]?.run();
    await fake.waitFor(
      (c) =>
        c.method === "chat.postMessage" &&
        c.args.channel === CHANNEL &&
        /Daily queue for 2026-04-02/.test(blocksText(c.args.blocks)),
    );
    await expect.poll(() => timers.length).toBe(2);
    expect(timers[1]?.delayMs).toBe(24 * 3_600_000);
    await stop();
    expect(timers[1]?.cancelled).toBe(true);
  });
});
