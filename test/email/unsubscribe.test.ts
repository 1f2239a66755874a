// The unsubscribe link: a confirmation page, one-click POST (RFC 8058), bad and expired tokens refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../fakes/smtp-server/start-smtp-server.ts";
import { emailWorld, unsubscribeLink } from "./email-builders.ts";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

const ONE_CLICK = {
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: "List-Unsubscribe=One-Click",
};

/** Two email borrowers, each emailed once; the link from U1's email. */
async function emailedTwice() {
  const world = emailWorld(smtp.url);
  const u1 = await world.borrower("U1");
  const u2 = await world.borrower("U2");
  const before = smtp.received.length;
  expect(await world.tick()).toMatchObject({ sent: 2 });
  await smtp.waitFor(before + 2);
  const mail = smtp.received.slice(before).find((m) => m.to.includes("u1@mail.example"));
  const header = mail?.parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line;
  return { world, u1, u2, link: unsubscribeLink(header) };
}

describe("Email unsubscribe link", () => {
  it("Should show a confirmation page with a button that posts the one-click unsubscribe", async () => {
    const { world, u1, link } = await emailedTwice();
    const page = await world.email.routes.request(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Stop reminder emails from Acme Credit to u1@mail.example?");
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(html).toContain('<button type="submit">Unsubscribe</button>');
    expect(await world.store.contact.optedOutChannels(u1.borrowerId)).toEqual([]);
    world.email.close();
  });

  it("Should unsubscribe in one click, record the consent event once, and send that borrower no further email", async () => {
    const { world, u1, link } = await emailedTwice();
    const done = await world.email.routes.request(link, ONE_CLICK);
    expect(done.status).toBe(200);
    expect(await done.text()).toContain("u1@mail.example will get no more reminder emails");
    expect(await world.store.contact.optedOutChannels(u1.borrowerId)).toEqual(["email"]);
    expect(await world.email.routes.request(link, ONE_CLICK)).toMatchObject({ status: 200 });
    const events = await world.store.consent.forBorrower(u1.borrowerId);
    expect(events).toEqual([
      expect.objectContaining({
        channel: "email",
        kind: "opt_out",
        source: "email:unsubscribe",
        address: "u1@mail.example",
        at: world.clock.now,
      }),
    ]);

    // Two days on, the next overdue reminder goes to U2 only.
    world.clock.advance(2 * 24 * 60);
    const before = smtp.received.length;
    expect(await world.tick()).toMatchObject({ sent: 1 });
    await smtp.waitFor(before + 1);
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([["u2@mail.example"]]);
    world.email.close();
  });

  it("Should answer a tampered token with 400 and a page that says so, changing nothing", async () => {
    const { world, u1, link } = await emailedTwice();
    const url = new URL(link);
    const token = url.searchParams.get("token") ?? "";
    const [version, claims, signature] = token.split(".");
    const flipped = `${signature?.slice(0, -1)}${signature?.endsWith("A") ? "B" : "A"}`;
    const forged = JSON.stringify([
      "someone-else",
      "x@mail.example",
      "en",
      "2099-01-01T00:00:00.000Z",
    ]);
    const forgedClaims = Buffer.from(forged).toString("base64url");
    for (const bad of [
      `${version}.${claims}.${flipped}`,
      `${version}.${forgedClaims}.${signature}`,
      "not-a-token",
      "",
    ]) {
      url.searchParams.set("token", bad);
      const page = await world.email.routes.request(url.href, ONE_CLICK);
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain("This unsubscribe link is not valid.");
      expect(html).toContain("此退订链接无效。");
    }
    expect(await world.store.consent.forBorrower(u1.borrowerId)).toEqual([]);
    world.email.close();
  });

  it("Should answer an expired token with 410 and a page that says so, changing nothing", async () => {
    const { world, u1, link } = await emailedTwice();
    world.clock.advance(61 * 24 * 60);
    for (const init of [{}, ONE_CLICK]) {
      const page = await world.email.routes.request(link, init);
      expect(page.status).toBe(410);
      expect(await page.text()).toContain("This unsubscribe link has expired.");
    }
    expect(await world.store.contact.optedOutChannels(u1.borrowerId)).toEqual([]);
    world.email.close();
  });
});
