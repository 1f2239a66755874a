// `/repay find` with several matches: a masked list to pick from, each with a button that opens that card.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { ACTION, decodeTarget } from "../../bots/slack/action-ids.ts";
import type { SlackApp } from "../../bots/slack/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import { anaLoan, json } from "../helpers/api.ts";
import {
  AGENT,
  blocksText,
  CHANNEL,
  loanRow,
  pressButton,
  slashCommand,
  startSlackApp,
} from "./slack-helpers.ts";

describe("Slack /repay find with several matches", () => {
  const NOW = new Date("2026-04-01T14:00:00Z");
  let store: Store;
  let fake: FakeSlack;
  let slack: SlackApp;
  let url: string;

  beforeAll(async () => {
    store = createMemoryStore();
    await importLoans(store, [
      { line: 2, fields: anaLoan },
      { line: 3, fields: loanRow("B-002", "Ben Okafor", "+447700900456") },
      {
        line: 4,
        fields: loanRow("B-003", "Ana Lopez", "+34600123987", { timeZone: "Europe/Madrid" }),
      },
    ]);
    fake = await startFakeSlack();
    fake.addUser(AGENT, "Maria Santos");
    ({ slack, url } = await startSlackApp(store, fake, { now: () => NOW }));
  }, 30_000);

  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  it("Should list both borrowers named Ana Lopez, masked as the card masks them, with a button each", async () => {
    const res = await slashCommand(url, AGENT, "find Ana Lopez");
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.response_type).toBe("ephemeral");
    expect(body.text).toBe("2 borrowers match `Ana Lopez`: open the card of the one you mean.");
    const text = blocksText(body.blocks);
    expect(text).toContain("*Ana Lopez* · B-001 · +1 •••• •••0101 · en · America/New_York");
    expect(text).toContain("*Ana Lopez* · B-003 · +34 •••• •••3987 · en · Europe/Madrid");
    expect(text).not.toContain("2125550101");
    expect(text).not.toContain("600123987");
    expect(text).not.toContain("Ben Okafor");
    // biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON
    const buttons = body.blocks.flatMap((b: any) => (b.accessory ? [b.accessory] : []));
    expect(buttons.map((b: { action_id: string }) => b.action_id)).toEqual([
      ACTION.openCard,
      ACTION.openCard,
    ]);
    const refs = [];
    for (const button of buttons) {
      const target = decodeTarget(button.value);
      expect(target?.channel).toBe(CHANNEL);
      refs.push((await store.borrowers.byId(target?.borrowerId ?? ""))?.externalRef);
    }
    expect(refs).toEqual(["B-001", "B-003"]);
    const audit = await store.audit.forSubject("borrowers", 5);
    expect(audit.at(-1)?.payload).toMatchObject({ query: "Ana Lopez", matches: 2 });
  });

  it("Should open the card of the borrower the agent picks from the list", async () => {
    const body = await json(await slashCommand(url, AGENT, "find Ana Lopez"));
    const second = body.blocks.at(-1).accessory.value as string;
    const pressed = await pressButton(url, AGENT, ACTION.openCard, second);
    expect(pressed.status).toBe(200);
    const opened = await fake.waitFor((c) => c.method === "views.open");
    const card = blocksText(opened.args.view.blocks);
    expect(card).toContain("Ana Lopez · B-003");
    expect(card).toContain("+34 •••• •••3987");
    expect(card).not.toContain("B-001");
  });

  it("Should still answer one match with the card itself", async () => {
    const body = await json(await slashCommand(url, AGENT, "find B-003"));
    expect(body.text).toBe("Ana Lopez (B-003)");
    expect(blocksText(body.blocks)).toContain(ACTION.pause);
  });
});
