// Email end to end: nodemailer over SMTP to a real SMTP server in this process, parsed by mailparser.
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../fakes/smtp-server/start-smtp-server.ts";
import { emailWorld, LENDER, unsubscribeLink } from "./email-builders.ts";

let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
});

afterAll(async () => {
  await smtp.close();
});

/** A header as sent (folded lines joined), e.g. "List-Unsubscribe". */
function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n[ \t]+/g, " ")
    .trim();
}

async function sentTo(address: string, from: number): Promise<ParsedMail> {
  await smtp.waitFor(from + 1);
  const mail = smtp.received.slice(from).find((m) => m.to.includes(address));
  if (!mail) throw new Error(`no email to ${address}`);
  return mail.parsed;
}

describe("Email channel", () => {
  it("Should email an email-only borrower a text and an HTML part with the exact figures and one-click unsubscribe headers", async () => {
    const world = emailWorld(smtp.url, { mailto: "unsubscribe@acme.example" });
    const loan = await world.borrower("E1");
    const before = smtp.received.length;
    expect(await world.tick()).toMatchObject({ sent: 1 });
    const mail = await sentTo("e1@mail.example", before);
    const [said] = await world.store.conversation.recent(loan.borrowerId, 1);
    expect(said?.channel).toBe("email");
    expect(mail.subject).toBe(`${LENDER}: your payment is past due`);
    // Every line of the nudge as rendered, word for word, in the text part.
    for (const line of said?.text.split("\n") ?? []) expect(mail.text).toContain(line);
    const amount = /\$\d{1,3}(,\d{3})*\.\d{2}/.exec(said?.text ?? "")?.[0];
    expect(amount).toBeDefined();
    expect(mail.html).toContain(amount);
    expect(mail.text).toContain("You can stop these reminder emails at any time.");
    expect(mail.text).not.toContain("Reply STOP");
    const list = rawHeader(mail, "List-Unsubscribe");
    expect(list).toMatch(
      /^<https:\/\/repay\.example\.com\/email\/unsubscribe\?token=[\w.-]+>, <mailto:unsubscribe@acme\.example\?subject=unsubscribe>$/,
    );
    expect(rawHeader(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    const link = unsubscribeLink(list);
    expect(mail.text).toContain(`Unsubscribe: ${link}`);
    expect(mail.html).toContain(`href="${link}"`);
    world.email.close();
  });

  it("Should write to a Chinese-speaking borrower from the Chinese templates", async () => {
    const world = emailWorld(smtp.url);
    await world.borrower("Z1", { locale: "zh-CN" });
    const before = smtp.received.length;
    expect(await world.tick()).toMatchObject({ sent: 1 });
    const mail = await sentTo("z1@mail.example", before);
    expect(mail.subject).toBe(`【${LENDER}】您的还款已逾期`);
    expect(mail.text).toContain("您可以随时退订这些提醒邮件。");
    expect(mail.text).toMatch(/US\$\d+\.\d{2}/);
    expect(mail.html).toContain('<html lang="zh-CN">');
    expect(mail.html).toContain(">退订</a>");
    world.email.close();
  });

  it("Should put the pay link in both parts, clickable in the HTML, when one is configured", async () => {
    const world = emailWorld(smtp.url, {
      payLink: ({ loanRef, amount }) => `https://pay.example.com/${loanRef}?amount=${amount}&x=1`,
    });
    await world.borrower("P1");
    const before = smtp.received.length;
    expect(await world.tick()).toMatchObject({ sent: 1 });
    const mail = await sentTo("p1@mail.example", before);
    const link = /https:\/\/pay\.example\.com\/L-P1\?amount=[\d.]+&x=1/.exec(mail.text ?? "")?.[0];
    expect(link).toBeDefined();
    const escaped = link?.replace(/&/g, "&amp;");
    expect(mail.html).toContain(`<a href="${escaped}">${escaped}</a>`);
    world.email.close();
  });
});
