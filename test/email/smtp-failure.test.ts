// SMTP failures: the outbox row is failed with its reason, nothing is lost; the pool keeps its connection limit.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../fakes/smtp-server/start-smtp-server.ts";
import { emailWorld } from "./email-builders.ts";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const keyOf = (loanId: string) => `${loanId}:overdue@2026-03-02+1d`;

describe("Email failures", () => {
  it("Should fail the row for good when the server refuses the mailbox, and stop using email for that borrower", async () => {
    smtp.refuseRecipient("gone@mail.example", 550);
    const world = emailWorld(smtp.url);
    const loan = await world.borrower("F1", { email: "gone@mail.example" });
    expect(await world.tick()).toMatchObject({ failed: 1, sent: 0 });
    expect(await world.store.outbox.byDedupeKey(keyOf(loan.id))).toMatchObject({
      status: "failed",
      lastError: "permanent: MAILBOX_UNAVAILABLE",
    });
    const pauses = await world.store.contact.activePauses(loan.borrowerId, world.clock.now);
    expect(pauses).toEqual([
      expect.objectContaining({ reason: "unreachable", createdBy: "nudger:email" }),
    ]);
    expect(await world.store.conversation.recent(loan.borrowerId, 5)).toEqual([]);
    world.email.close();
  });

  it("Should retry a temporary refusal, then fail the row with the server's code", async () => {
    smtp.refuseRecipient("busy@mail.example", 451);
    const world = emailWorld(smtp.url);
    const loan = await world.borrower("F2", { email: "busy@mail.example" });
    expect(await world.tick()).toMatchObject({ failed: 1 });
    expect(await world.store.outbox.byDedupeKey(keyOf(loan.id))).toMatchObject({
      status: "failed",
      lastError: "transient: SMTP_451 after 3 attempts",
    });
    world.email.close();
  });

  it("Should fail the row with the connection error when no SMTP server answers", async () => {
    const world = emailWorld(`smtp://127.0.0.1:${await closedPort()}`);
    const loan = await world.borrower("F3");
    expect(await world.tick()).toMatchObject({ failed: 1 });
    expect(await world.store.outbox.byDedupeKey(keyOf(loan.id))).toMatchObject({
      status: "failed",
      lastError: "transient: ECONNREFUSED after 3 attempts",
    });
    world.email.close();
  });

  it("Should open no more SMTP connections than configured", async () => {
    const own = await startSmtpServer();
    const world = emailWorld(own.url, { maxConnections: 2 });
    for (const n of [1, 2, 3, 4, 5, 6]) await world.borrower(`C${n}`);
    own.holdUntil(2);
    expect(await world.tick()).toMatchObject({ sent: 6 });
    await own.waitFor(6);
    expect(own.peakConnections()).toBe(2);
    world.email.close();
    await own.close();
  });
});
