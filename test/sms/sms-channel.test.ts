// SMS end to end: the real twilio SDK against a local fake Twilio, signed webhooks on our server.

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { planTick } from "../../bots/nudger/planner.ts";
import { createSmsChannel, type SmsChannel } from "../../bots/sms/sms-channel.ts";
import { createAssistant } from "../../core/assistant/index.ts";
import { recordConsent } from "../../core/channels/index.ts";
import { contactProfile } from "../../core/policy/index.ts";
import type { Store, StoredLoan } from "../../core/ports/index.ts";
import { smsSize } from "../../core/sms/index.ts";
import { assistantTemplates } from "../../prompts/index.ts";
import { type FakeTwilio, startFakeTwilio } from "../fakes/twilio-api/start-fake-twilio.ts";
import { givenBorrower } from "../helpers/builders.ts";
import { addLoan, type Clock, clockedMemoryStore } from "../nudger/nudger-builders.ts";

const TEN_AM_NEW_YORK = "2026-03-03T15:00:00.000Z";
const PHONE = "+12125550101";
const LENDER = "Acme Credit";

let fake: FakeTwilio;
let server: ReturnType<typeof serve>;
let base = "";
let current: { store: Store; clock: Clock; sms: SmsChannel; loan: StoredLoan };

beforeAll(async () => {
  fake = await startFakeTwilio();
  // One server; each test's app is swapped in behind it.
  server = serve({
    fetch: (request) => current.sms.routes.fetch(request),
    port: 0,
    hostname: "127.0.0.1",
  });
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fake.close();
});

async function phoneOnlyBorrower(consented: boolean) {
  const { store, clock } = clockedMemoryStore(TEN_AM_NEW_YORK);
  const borrower = await givenBorrower(store, {
    externalRef: "B-SMS",
    name: "Dana Reyes",
    phone: PHONE,
  });
  const loan = await addLoan(store, borrower.id, "L-SMS", "2026-03-02");
  if (consented) {
    await recordConsent(store, {
      borrowerId: borrower.id,
      channel: "sms",
      kind: "opt_in",
      source: "import",
      address: PHONE,
      textVersion: "sms-v1",
      at: "2026-03-01T00:00:00.000Z",
    });
  }
  const assistant = createAssistant({ store, templates: assistantTemplates, lenderName: LENDER });
  const sms = createSmsChannel({
    store,
    assistant,
    lenderName: LENDER,
    accountSid: fake.accountSid,
    authToken: fake.authToken,
    from: "+15005550006",
    publicBaseUrl: base,
    apiBaseUrl: fake.url,
    perSecond: 100,
    clock: clock.read,
  });
  current = { store, clock, sms, loan };
  const profile = contactProfile("default");
  const channels = ["telegram", "sms"] as const;
  const tick = async () => {
    const planned = await planTick({ store, profile, channels }, clock.now);
    const dispatched = await dispatchTick(
      {
        store,
        profile,
        channels,
        senders: { sms: sms.sender },
        formats: { sms: sms.format },
        lenderName: LENDER,
        clock: clock.read,
        sleep: async () => {},
      },
      clock.now,
    );
    return { planned, dispatched };
  };
  return { ...current, assistant, tick };
}

const inbound = (Body: string, signature?: string) =>
  fake.inbound(`${base}/sms/twilio`, { From: PHONE, To: "+15005550006", Body }, signature);

describe("SMS channel", () => {
  it("Should text a phone-only borrower who consented, the figures exact, in at most 3 segments", async () => {
    const before = fake.messages.length;
    const { tick } = await phoneOnlyBorrower(true);
    const { dispatched } = await tick();
    expect(dispatched.sent).toBe(1);
    const [sms] = fake.messages.slice(before);
    expect(sms?.to).toBe(PHONE);
    expect(sms?.body).toContain("Acme Credit");
    expect(sms?.body).toMatch(/\$\d+\.\d{2}/);
    expect(sms?.body.split("\n").at(-1)).toBe("Reply STOP to opt out of texts.");
    expect(smsSize(sms?.body ?? "").segments).toBeLessThanOrEqual(3);
  });

  it("Should send no automated text without recorded SMS consent", async () => {
    const before = fake.messages.length;
    const { tick } = await phoneOnlyBorrower(false);
    const { dispatched } = await tick();
    expect(dispatched.sent).toBe(0);
    expect(fake.messages.length).toBe(before);
  });

  it("Should answer 'how much do I owe' by SMS with the same words as in Telegram, choices numbered", async () => {
    const { store, loan, assistant, clock } = await phoneOnlyBorrower(true);
    const answer = await inbound("how much do I owe?");
    expect(answer.status).toBe(200);
    const telegram = await assistant.respond({
      borrowerId: loan.borrowerId,
      channel: "telegram",
      at: clock.now,
      text: "how much do I owe?",
    });
    const body = answer.body
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
    expect(body).toContain(telegram.text);
    expect(body).toContain(`Reply 1 for ${telegram.choices[0]?.label}`);
    const log = await store.conversation.recent(loan.borrowerId, 10);
    expect(log.some((m) => m.channel === "sms" && m.direction === "inbound")).toBe(true);
  });

  it("Should refuse a webhook with a bad signature with 403 and change nothing", async () => {
    const { store, loan } = await phoneOnlyBorrower(true);
    const answer = await inbound("STOP", "forged-signature");
    expect(answer.status).toBe(403);
    expect(await store.contact.optedOutChannels(loan.borrowerId)).toEqual([]);
  });

  it("Should stop SMS at once on STOP, keep it on record, and resume on START", async () => {
    const { store, loan, tick, clock } = await phoneOnlyBorrower(true);
    const stopped = await inbound("stop");
    expect(stopped.body).toContain("no more automated texts");
    expect(await store.contact.optedOutChannels(loan.borrowerId)).toEqual(["sms"]);
    const events = await store.consent.forBorrower(loan.borrowerId);
    expect(events.at(-1)).toMatchObject({ kind: "opt_out", source: "sms:STOP", at: clock.now });
    const before = fake.messages.length;
    expect((await tick()).dispatched.sent).toBe(0);
    expect(fake.messages.length).toBe(before);

    const started = await inbound("START");
    expect(started.body).toContain("texts are back on");
    expect(await store.contact.optedOutChannels(loan.borrowerId)).toEqual([]);
  });

  it.each(["STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "退订"])(
    "Should treat %s as STOP",
    async (word) => {
      const { store, loan } = await phoneOnlyBorrower(true);
      await inbound(word);
      expect(await store.contact.optedOutChannels(loan.borrowerId)).toEqual(["sms"]);
    },
  );

  it("Should answer HELP with the lender's name and how to stop", async () => {
    await phoneOnlyBorrower(true);
    const help = await inbound("HELP");
    expect(help.body).toContain(LENDER);
    expect(help.body).toContain("Reply STOP");
  });

  it("Should record delivery reports with the carrier code on the outbox row", async () => {
    const before = fake.messages.length;
    const { store, tick } = await phoneOnlyBorrower(true);
    await tick();
    const sms = fake.messages[before];
    expect(sms?.statusCallback).toBe(`${base}/sms/twilio/status`);
    const answer = await fake.deliver(sms?.sid ?? "", "undelivered", "30003");
    expect(answer.status).toBe(204);
    const [delivery] = await store.deliveries.forMessage(sms?.sid ?? "");
    expect(delivery).toMatchObject({ status: "undelivered", errorCode: "30003" });
  });
});
