// Waivers from Slack: a cap per currency (a JPY loan's waiver works), and two waivers at once never forgive more than is owed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { ACTION } from "../../bots/slack/action-ids.ts";
import { createSlackApp, type SlackApp } from "../../bots/slack/index.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import type { Store } from "../../core/ports/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import { json } from "../helpers/api.ts";
import {
  AGENT,
  buttonValue,
  CHANNEL,
  loanRow,
  OTHER_AGENT,
  pressButton,
  SIGNING_SECRET,
  slashCommand,
  submitView,
} from "./slack-helpers.ts";

const NOW = new Date("2026-04-01T14:00:00Z");
const TODAY = "2026-04-01";

describe("Slack waivers per currency", () => {
  let store: Store;
  let fake: FakeSlack;
  let slack: SlackApp;
  let url: string;

  beforeAll(async () => {
    store = createMemoryStore();
    await importLoans(store, [
      {
        line: 2,
        fields: loanRow("B-010", "Kenji Sato", "+81312345678", {
          currency: "JPY",
          principal: "120000",
          lateFeeFlat: "1500",
          lateFeeCap: "6000",
          timeZone: "Asia/Tokyo",
        }),
      },
    ]);
    fake = await startFakeSlack();
    slack = createSlackApp({
      store,
      signingSecret: SIGNING_SECRET,
      botToken: fake.token,
      slackApiUrl: fake.apiUrl,
      agents: [AGENT, OTHER_AGENT],
      collectionsChannel: CHANNEL,
      sendToBorrower: async () => "telegram",
      maxWaiver: "USD:50.00,JPY:3000",
      now: () => NOW,
    });
    url = `http://127.0.0.1:${(await slack.start(0)).port}/slack/events`;
  });

  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  async function waiveForm(agent: string) {
    const card = await json(await slashCommand(url, agent, "find B-010"));
    const before = fake.calls("views.open").length;
    await pressButton(url, agent, ACTION.waive, buttonValue(card.blocks, ACTION.waive));
    const call = await fake.waitFor(
      (c) => c.method === "views.open" && fake.calls("views.open").indexOf(c) >= before,
    );
    return call.args.view as { callback_id: string; private_metadata: string };
  }

  const penaltiesOwed = async () => {
    const loan = (await store.loans.byRef("L-010"))!;
    const txs = (await store.transactions.forLoan(loan.id)).map((r) => r.transaction);
    return loanStateAsOf(loan, txs, TODAY).outstanding.penalties.minor;
  };

  it("Should hold a JPY waiver to the JPY cap, in whole yen", async () => {
    expect(await penaltiesOwed()).toBeGreaterThan(3000n);
    const view = await waiveForm(AGENT);
    const over = await submitView(url, AGENT, view, {
      amount: { text: "3001" },
      component: { option: "penalties" },
      why: { text: "goodwill" },
    });
    expect(await json(over)).toMatchObject({
      response_action: "errors",
      errors: { amount: expect.stringMatching(/^At most .*3,000 per waiver\.$/) },
    });
    const decimals = await submitView(url, AGENT, view, {
      amount: { text: "10.50" },
      component: { option: "penalties" },
      why: { text: "goodwill" },
    });
    expect((await json(decimals)).errors.amount).toContain("positive amount");
  });

  it("Should grant only one of two waivers submitted at once when both exceed what is owed", async () => {
    const owed = await penaltiesOwed();
    expect(owed).toBeLessThan(6000n); // two waivers of 3000 would forgive more than is owed
    const [first, second] = [await waiveForm(AGENT), await waiveForm(OTHER_AGENT)];
    const fields = {
      amount: { text: "3000" },
      component: { option: "penalties" },
      why: { text: "bank outage" },
    } as const;
    const answers = await Promise.all([
      submitView(url, AGENT, first, fields),
      submitView(url, OTHER_AGENT, second, fields),
    ]);
    const bodies = await Promise.all(answers.map((res) => res.text()));
    // Each agent hears back once: a form error, or after the store's own check a message.
    const notices = await Promise.all(
      [AGENT, OTHER_AGENT].map((user, i) =>
        bodies[i]?.includes("response_action")
          ? undefined
          : fake.waitFor(
              (c) =>
                c.method === "chat.postEphemeral" &&
                c.args.user === user &&
                /Waived|Not waived/.test(String(c.args.text)),
            ),
      ),
    );
    const granted = notices.filter((n) => String(n?.args.text).startsWith("Waived")).length;
    expect(granted).toBe(1);
    expect(await penaltiesOwed()).toBe(owed - 3000n);
    const loan = (await store.loans.byRef("L-010"))!;
    const audit = await store.audit.forSubject(`loan:${loan.id}`, 10);
    expect(audit.filter((entry) => entry.action === "waiver.granted")).toHaveLength(1);
  });
});
