// The agents' Slack app end to end, on any store: real Bolt over signed HTTP and the fake Slack Web API.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { ACTION, VIEW } from "../../bots/slack/action-ids.ts";
import type { SlackApp } from "../../bots/slack/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import { anaLoan, json } from "../helpers/api.ts";
import {
  AGENT,
  blocksText,
  buttonValue,
  loanRow,
  pressButton,
  STRANGER,
  type StoreUnderTest,
  slashCommand,
  startSlackApp,
  submitView,
} from "./slack-helpers.ts";

/**
 * Defines the app's tests over the store `open` gives; the tests share one app and run in order.
 *
 * @example slackAppSuite("memory", memoryStore);
 */
export function slackAppSuite(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`Slack app on the ${name} store`, () => {
    const NOW = new Date("2026-04-01T14:00:00Z");
    let opened: StoreUnderTest | undefined;
    let store: Store;
    let fake: FakeSlack;
    let slack: SlackApp;
    let url: string;
    const log: string[] = [];

    async function findCard(query: string) {
      const res = await slashCommand(url, AGENT, `find ${query}`);
      expect(res.status).toBe(200);
      return json(res);
    }

    async function openedModal(callbackId: string) {
      const call = await fake.waitFor(
        (c) => c.method === "views.open" && c.args.view?.callback_id === callbackId,
      );
      return call.args.view as { callback_id: string; private_metadata: string };
    }

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
      await importLoans(store, [
        { line: 2, fields: anaLoan },
        { line: 3, fields: loanRow("B-002", "Ben Okafor", "+447700900456") },
      ]);
      const ana = (await store.borrowers.byRef("B-001"))!;
      await store.contactPoints.set(ana.id, {
        email: "ana.lopez@mail.example",
        preferredChannel: "email",
      });
      // Ben pays everything outstanding today: no plan can be offered on his loan.
      const ben = (await store.loans.byRef("L-002"))!;
      await store.transactions.record(ben.id, "paid-in-full-ben", {
        type: "payment",
        date: "2026-04-01",
        amount: loanStateAsOf(ben, [], "2026-04-01").outstanding.total,
      });
      fake = await startFakeSlack();
      fake.addUser(AGENT, "Maria Santos");
      ({ slack, url } = await startSlackApp(store, fake, { now: () => NOW, log }));
    }, 30_000);

    afterAll(async () => {
      await slack?.stop();
      await fake?.close();
      await opened?.close();
    }, 30_000);

    describe("Slack app: who may use it", () => {
      it("Should answer 401 to a request with a bad signature, and do nothing", async () => {
        const res = await slashCommand(url, AGENT, "find Ana", { secret: "not-the-secret" });
        expect(res.status).toBe(401);
        expect(await store.audit.forSubject(`slack-user:${AGENT}`, 10)).toEqual([]);
      });

      it("Should answer 401 to a correctly signed request older than 5 minutes", async () => {
        const res = await slashCommand(url, AGENT, "find Ana", {
          timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
        });
        expect(res.status).toBe(401);
      });

      it("Should refuse a user who is not an agent politely, show no data, and audit the attempt", async () => {
        const res = await slashCommand(url, STRANGER, "find Ana");
        const body = await json(res);
        expect(body.text).toContain("only for the collections team");
        expect(JSON.stringify(body)).not.toContain("Ana");
        const audit = await store.audit.forSubject(`slack-user:${STRANGER}`, 10);
        expect(audit).toMatchObject([
          { action: "slack.refused", payload: { kind: "command", what: "/repay find Ana" } },
        ]);
      });
    });

    describe("Slack app: the borrower card", () => {
      it("Should show the card with a masked phone, loan figures, contact state and the score", async () => {
        const card = await findCard("0101");
        const text = blocksText(card.blocks);
        expect(card.response_type).toBe("ephemeral");
        expect(text).toContain("Ana Lopez");
        expect(text).toContain("+1 •••• •••0101");
        expect(text).not.toContain("2125550101");
        expect(text).toContain("a•••@mail.example");
        expect(text).not.toContain("ana.lopez");
        expect(text).toMatch(/Preferred channel\*\\nemail/);
        expect(text).toContain("$1,326.82");
        expect(text).toContain("45 days past due");
        expect(text).toContain("bucket 31-60");
        expect(text).toContain("Repayment score");
        expect(text).toContain("0 of 2 installments paid on time");
      });

      it("Should say so when nobody matches", async () => {
        expect((await findCard("nobody-here")).text).toContain("No borrower matches");
      });
    });

    describe("Slack app: agent actions change state and are audited", () => {
      it("Should pause nudges from the modal, with who, why, before and after in the audit log", async () => {
        const card = await findCard("B-001");
        await pressButton(url, AGENT, ACTION.pause, buttonValue(card.blocks, ACTION.pause));
        const view = await openedModal(VIEW.pause);
        const res = await submitView(url, AGENT, view, {
          duration: { option: "7" },
          reason: { option: "agent_hold" },
          why: { text: "Borrower in hospital this week" },
        });
        expect(res.status).toBe(200);
        const ana = (await store.borrowers.byRef("B-001"))!;
        const pauses = await store.contact.activePauses(ana.id, NOW.toISOString());
        expect(pauses).toMatchObject([
          { reason: "agent_hold", createdBy: `agent:${AGENT}`, until: "2026-04-08T14:00:00.000Z" },
        ]);
        const [entry] = await store.audit.forSubject(`borrower:${ana.id}`, 1);
        expect(entry).toMatchObject({
          actor: `agent:${AGENT}`,
          action: "pause.created",
          payload: {
            why: "Borrower in hospital this week",
            before: [],
            after: [{ reason: "agent_hold" }],
          },
        });
        await fake.waitFor(
          (c) =>
            c.method === "chat.postEphemeral" && /Nudges paused for Ana Lopez/.test(c.args.text),
        );
      });

      it("Should resume nudges by lifting the agent's pause", async () => {
        const card = await findCard("B-001");
        await pressButton(url, AGENT, ACTION.resume, buttonValue(card.blocks, ACTION.resume));
        const ana = (await store.borrowers.byRef("B-001"))!;
        expect(await store.contact.activePauses(ana.id, NOW.toISOString())).toEqual([]);
        expect((await store.audit.forSubject(`borrower:${ana.id}`, 1))[0]?.action).toBe(
          "pause.lifted",
        );
      });

      it("Should refuse a waiver above the configured maximum, then waive within it and audit the change", async () => {
        const card = await findCard("B-001");
        await pressButton(url, AGENT, ACTION.waive, buttonValue(card.blocks, ACTION.waive));
        const view = await openedModal(VIEW.waive);
        const tooMuch = await submitView(url, AGENT, view, {
          amount: { text: "60.00" },
          component: { option: "penalties" },
          why: { text: "goodwill" },
        });
        expect(await json(tooMuch)).toMatchObject({
          response_action: "errors",
          errors: { amount: "At most $50.00 per waiver." },
        });
        const noReason = await submitView(url, AGENT, view, {
          amount: { text: "15.00" },
          component: { option: "penalties" },
          why: { text: " " },
        });
        expect((await json(noReason)).errors.why).toContain("reason");

        const ok = await submitView(url, AGENT, view, {
          amount: { text: "15.00" },
          component: { option: "penalties" },
          why: { text: "Late fee charged during bank outage" },
        });
        expect(ok.status).toBe(200);
        const loan = (await store.loans.byRef("L-001"))!;
        const txs = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
        expect(txs).toMatchObject([
          { type: "waiver", amount: { minor: 1500n }, component: "penalties" },
        ]);
        expect(loanStateAsOf(loan, txs, "2026-04-01").outstanding.penalties.minor).toBe(
          4072n - 1500n,
        );
        const [entry] = await store.audit.forSubject(`loan:${loan.id}`, 1);
        expect(entry).toMatchObject({
          actor: `agent:${AGENT}`,
          action: "waiver.granted",
          payload: {
            why: "Late fee charged during bank outage",
            before: { penalties: "$40.72" },
            after: { penalties: "$25.72" },
          },
        });
      });

      it("Should add a note, retrying after Slack answers 429 with Retry-After", async () => {
        fake.rateLimit("chat.postEphemeral", 1, 1);
        const card = await findCard("B-001");
        await pressButton(url, AGENT, ACTION.note, buttonValue(card.blocks, ACTION.note));
        const view = await openedModal(VIEW.note);
        await submitView(url, AGENT, view, { note: { text: "Prefers calls after 6pm" } });
        const ana = (await store.borrowers.byRef("B-001"))!;
        expect((await store.audit.forSubject(`borrower:${ana.id}`, 1))[0]).toMatchObject({
          action: "note.added",
          payload: { why: "Prefers calls after 6pm" },
        });
        const ephemerals = fake
          .calls("chat.postEphemeral")
          .filter((c) => /Note added/.test(c.args.text));
        expect(ephemerals.map((c) => c.status)).toEqual([429, 200]);
      });

      it("Should issue a Telegram link code shown only to the agent, never written to the audit log", async () => {
        const card = await findCard("B-001");
        await pressButton(url, AGENT, ACTION.linkCode, buttonValue(card.blocks, ACTION.linkCode));
        const shown = await fake.waitFor(
          (c) => c.method === "chat.postEphemeral" && /link code/.test(c.args.text),
        );
        expect(shown.args.user).toBe(AGENT);
        const code = /\*([A-Z0-9]+)\*/.exec(shown.args.text)?.[1];
        expect(code).toBeDefined();
        const ana = (await store.borrowers.byRef("B-001"))!;
        const [entry] = await store.audit.forSubject(`borrower:${ana.id}`, 1);
        expect(entry?.action).toBe("link_code.issued");
        expect(JSON.stringify(entry)).not.toContain(code as string);
      });

      it("Should refuse a stranger's button press too, and audit it", async () => {
        const card = await findCard("B-001");
        await pressButton(url, STRANGER, ACTION.resume, buttonValue(card.blocks, ACTION.resume));
        const audit = await store.audit.forSubject(`slack-user:${STRANGER}`, 1);
        expect(audit[0]).toMatchObject({
          action: "slack.refused",
          payload: { kind: "action", what: ACTION.resume },
        });
      });
    });

    describe("Slack app: disputes and plans", () => {
      it("Should mark a dispute: a dispute pause, a dispute handoff for the queue, and an audit entry", async () => {
        const card = await findCard("B-001");
        await pressButton(url, AGENT, ACTION.dispute, buttonValue(card.blocks, ACTION.dispute));
        const view = await openedModal(VIEW.dispute);
        const empty = await submitView(url, AGENT, view, { why: { text: "  " } });
        expect((await json(empty)).errors.why).toContain("disputed");

        const res = await submitView(url, AGENT, view, {
          why: { text: "Says the March installment was paid in cash at the branch" },
        });
        expect(res.status).toBe(200);
        const ana = (await store.borrowers.byRef("B-001"))!;
        const pauses = await store.contact.activePauses(ana.id, NOW.toISOString());
        expect(pauses).toMatchObject([{ reason: "dispute", createdBy: `agent:${AGENT}` }]);
        expect(pauses[0]?.until).toBeUndefined();
        const handoff = await store.handoffs.active(ana.id);
        expect(handoff).toMatchObject({ status: "open", reason: "dispute" });
        const [entry] = await store.audit.forSubject(`borrower:${ana.id}`, 1);
        expect(entry).toMatchObject({
          actor: `agent:${AGENT}`,
          action: "dispute.marked",
          payload: {
            why: "Says the March installment was paid in cash at the branch",
            before: [],
            after: [{ reason: "dispute" }],
            handoffId: handoff?.id,
            handoffCreated: true,
          },
        });
        await fake.waitFor(
          (c) =>
            c.method === "chat.postEphemeral" && /Dispute recorded for Ana Lopez/.test(c.args.text),
        );
        const after = blocksText((await findCard("B-001")).blocks);
        expect(after).toContain("dispute (agent:UAGENT01)");
        expect(after).toContain("handoff: open (dispute)");
      });

      it("Should tell the agent why no plan can be offered, and open no dialog", async () => {
        const card = await findCard("B-002");
        expect(blocksText(card.blocks)).toContain("Ben Okafor");
        await pressButton(url, AGENT, ACTION.plan, buttonValue(card.blocks, ACTION.plan));
        const told = await fake.waitFor(
          (c) => c.method === "chat.postEphemeral" && /No plan can be offered/.test(c.args.text),
        );
        expect(told.args.user).toBe(AGENT);
        expect(told.args.text).toBe(
          "No plan can be offered on L-002 today (catch-up: PAID_OFF, extended: PAID_OFF, hardship: PAID_OFF).",
        );
        expect(fake.calls("views.open").some((c) => c.args.view?.callback_id === VIEW.plan)).toBe(
          false,
        );
      });
    });
  });
}
