// `npm start` end to end: the product process on a fresh data folder, as an operator runs it.
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { localDate } from "../../core/dates/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { seedDemoBook } from "../../prisma/seed/index.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { startSmtpServer } from "../fakes/smtp-server/start-smtp-server.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { startFakeTwilio } from "../fakes/twilio-api/start-fake-twilio.ts";
import { SIGNING_SECRET, signedPost } from "../slack/slack-helpers.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const TOKEN = "operator-token-0123456789";

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * `npm start` runs the sources through tsx (`sources: true`); otherwise the compiled build of
 * the same sources (dist/, rebuilt by the test setup when stale), which starts seconds sooner.
 */
function startProduct(
  env: Record<string, string>,
  input?: string,
  { sources = false } = {},
): Started {
  const entry = sources ? ["--import", "tsx", "bots/main.ts"] : [join("dist", "bots", "main.js")];
  const child = spawn(process.execPath, entry, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", PORT: "0", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  if (input !== undefined) child.stdin?.end(input);
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, output: () => output, exited };
}

async function waitForOutput(
  started: Started,
  pattern: RegExp,
  timeoutMs = 90_000,
): Promise<RegExpMatchArray> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const match = started.output().match(pattern);
    if (match) return match;
    if (Date.now() > until || started.child.exitCode !== null) {
      throw new Error(`did not see ${pattern} in:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

let dataDir: string;
let running: Started | undefined;
let fake: FakeTelegram | undefined;

// Migrating a fresh folder and seeding the demo book costs seconds of CPU each time: the first
// test does it through the product; the others start on a copy of one folder made once here.
// That folder is made while the first test's product starts (in its own process), not before.
const seededFolder = mkdtempSync(join(tmpdir(), "repay-start-seeded-"));
let seeded: Promise<void> | undefined;

async function seedFolder(): Promise<void> {
  const db = await openDatabase({ dataDir: seededFolder });
  try {
    await seedDemoBook(createPrismaStore(db.prisma), localDate(new Date(), "UTC"));
  } finally {
    await db.close();
  }
}

beforeAll(() => {
  seeded = seedFolder();
  // Awaited by the tests that copy it; a failure is theirs to report, not an unhandled one.
  seeded.catch(() => {});
});

afterAll(async () => {
  await seeded?.catch(() => {});
  rmSync(seededFolder, { recursive: true, force: true });
});

/** A data folder already migrated and holding the demo book, this test's own. */
async function seededDataDir(): Promise<string> {
  await seeded;
  const dir = mkdtempSync(join(tmpdir(), "repay-start-"));
  cpSync(seededFolder, dir, { recursive: true });
  return dir;
}

afterEach(async () => {
  running?.child.kill("SIGKILL");
  await fake?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  running = undefined;
  fake = undefined;
});

describe("npm start", () => {
  it("migrates a fresh folder, seeds the demo book and lets a person chat in the terminal", async () => {
    dataDir = mkdtempSync(join(tmpdir(), "repay-start-"));
    running = startProduct(
      { REPAY_DATA_DIR: dataDir, REPAY_CONSOLE: "1" },
      "1\nhow much do I owe?\n/quit\n",
      { sources: true },
    );
    expect(await running.exited).toBe(0);
    const output = running.output();
    expect(output).toContain("seeded the demo book: 50 borrowers");
    expect(output).toContain("Chat as which demo borrower?");
    expect(output).toMatch(/assistant> Your balance is/);
    expect(existsSync(join(dataDir, "repay.lock"))).toBe(false);
  }, 120_000);

  it("runs the lender API and the Telegram bot, and stops cleanly on SIGTERM", async () => {
    dataDir = await seededDataDir();
    fake = await startFakeTelegram();
    running = startProduct({
      REPAY_DATA_DIR: dataDir,
      REPAY_API_TOKEN: TOKEN,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    const [, port] = await waitForOutput(running, /listening on 127\.0\.0\.1:(\d+)/);
    await waitForOutput(running, /telegram: polling as @/);
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const issued = await fetch(`${base}/api/borrowers/B-001/link-code`, {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(issued.status).toBe(201);
    const { code } = (await issued.json()) as { code: string };
    const user = { id: 4242, first_name: "Ana" };
    fake.pushUpdate(fake.userMessage(user, `/start ${code}`));
    const linked = await fake.waitFor((m) => m.chat_id === 4242, 20_000);
    expect(linked.text).toContain("You're linked");
    expect(running.output()).not.toContain(TOKEN);
    expect(running.output()).not.toContain(fake.token);
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    expect(existsSync(join(dataDir, "repay.lock"))).toBe(false);
  }, 120_000);

  it("Should print the dashboard's address and a password for this run that opens the Portfolio page", async () => {
    dataDir = await seededDataDir();
    running = startProduct({ REPAY_DATA_DIR: dataDir });
    const [, address, password] = await waitForOutput(
      running,
      /dashboard: (http:\/\/127\.0\.0\.1:\d+\/dashboard) \(password for this run: (\S+);/,
    );
    const closed = await fetch(`${address}`, { redirect: "manual" });
    expect(closed.status).toBe(303);
    const wrong = await fetch(`${address}/login`, {
      method: "POST",
      body: new URLSearchParams({ password: `${password}x` }),
      redirect: "manual",
    });
    expect(wrong.status).toBe(401);
    const login = await fetch(`${address}/login`, {
      method: "POST",
      body: new URLSearchParams({ password: password ?? "" }),
      redirect: "manual",
    });
    expect(login.status).toBe(303);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const page = await fetch(address ?? "", { headers: { cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Portfolio");
    expect(html).toContain("90+");
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
  }, 120_000);

  it("Should stop with one line, no stack trace, when Telegram refuses the bot token", async () => {
    dataDir = await seededDataDir();
    fake = await startFakeTelegram();
    running = startProduct({
      REPAY_DATA_DIR: dataDir,
      TELEGRAM_BOT_TOKEN: "123456:not-the-token",
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    expect(await running.exited).toBe(1);
    const output = running.output();
    expect(output).toContain(
      "[repay] cannot start: TELEGRAM_BOT_TOKEN: Telegram refused the token (401 Unauthorized): copy it again from @BotFather\n",
    );
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain("not-the-token");
    expect(existsSync(join(dataDir, "repay.lock"))).toBe(false);
  }, 120_000);

  it("keeps running when a correctly signed Slack request carries a null body", async () => {
    dataDir = await seededDataDir();
    fake = await startFakeTelegram();
    running = startProduct({
      REPAY_DATA_DIR: dataDir,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      SLACK_BOT_TOKEN: "xoxb-operator-0123456789",
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: "0",
    });
    const [, apiPort] = await waitForOutput(running, /listening on 127\.0\.0\.1:(\d+)/);
    const [, slackPort] = await waitForOutput(running, /slack: listening for events on port (\d+)/);
    const events = `http://127.0.0.1:${slackPort}/slack/events`;
    for (const body of ["null", "[]", '"x"']) {
      expect((await signedPost(events, body, "application/json")).status).toBe(400);
    }
    await waitForOutput(running, /slack: refused a request \(400\)/);
    expect((await fetch(`http://127.0.0.1:${apiPort}/healthz`)).status).toBe(200);
    expect(running.child.exitCode).toBeNull();
    expect(running.output()).not.toContain(SIGNING_SECRET);
  }, 120_000);

  it("answers texts through Twilio when its settings are given, and refuses a forged signature", async () => {
    dataDir = await seededDataDir();
    const twilio = await startFakeTwilio();
    // The signature covers the public URL, so the port is chosen before the start.
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      running = startProduct({
        REPAY_DATA_DIR: dataDir,
        PORT: String(port),
        TWILIO_ACCOUNT_SID: twilio.accountSid,
        TWILIO_AUTH_TOKEN: twilio.authToken,
        TWILIO_FROM: "+15005550006",
        TWILIO_API_BASE: twilio.url,
        REPAY_PUBLIC_URL: base,
      });
      await waitForOutput(running, /listening on 127\.0\.0\.1:/);
      await waitForOutput(running, /sms: on/);
      await waitForOutput(running, /nudger: on \(.*channels sms\b/);
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const from = "+12125551000"; // B-001 of the demo book
      const asked = await twilio.inbound(`${base}/sms/twilio`, {
        From: from,
        To: "+15005550006",
        Body: "HELP",
      });
      expect(asked.status).toBe(200);
      expect(asked.body).toContain("Demo Lending");
      const forged = await twilio.inbound(
        `${base}/sms/twilio`,
        { From: from, To: "+15005550006", Body: "STOP" },
        "forged",
      );
      expect(forged.status).toBe(403);
      expect(running.output()).not.toContain(twilio.authToken);
    } finally {
      await twilio.close();
    }
  }, 120_000);

  it("sends email through SMTP when SMTP_URL is given and serves the unsubscribe link, secrets unlogged", async () => {
    dataDir = await seededDataDir();
    const smtp = await startSmtpServer();
    const secret = "unsubscribe-secret-0123456789-abcdefgh";
    try {
      running = startProduct({
        REPAY_DATA_DIR: dataDir,
        SMTP_URL: smtp.url.replace("smtp://", "smtp://mailer:smtp-password-42@"),
        EMAIL_FROM: "Demo Lending <reminders@demo.example>",
        EMAIL_UNSUBSCRIBE_SECRET: secret,
        SMTP_MAX_CONNECTIONS: "3",
        REPAY_PUBLIC_URL: "https://repay.example.com",
      });
      const [, port] = (await waitForOutput(running, /listening on 127\.0\.0\.1:(\d+)/)) ?? [];
      await waitForOutput(running, /email: on, at most 3 SMTP connections/);
      await waitForOutput(running, /nudger: on \(.*channels email\b/);
      const page = await fetch(`http://127.0.0.1:${port}/email/unsubscribe?token=u1.forged.token`);
      expect(page.status).toBe(400);
      expect(await page.text()).toContain("This unsubscribe link is not valid.");
      expect(running.output()).not.toContain(secret);
      expect(running.output()).not.toContain("smtp-password-42");
    } finally {
      running?.child.kill("SIGKILL");
      await smtp.close();
    }
  }, 120_000);

  it("refuses to start without EMAIL_UNSUBSCRIBE_SECRET when SMTP_URL is set", async () => {
    dataDir = await seededDataDir();
    running = startProduct({
      REPAY_DATA_DIR: dataDir,
      SMTP_URL: "smtp://127.0.0.1:2525",
      EMAIL_FROM: "reminders@demo.example",
      REPAY_PUBLIC_URL: "https://repay.example.com",
    });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain(
      "cannot start: EMAIL_UNSUBSCRIBE_SECRET: is required when SMTP_URL is set",
    );
  }, 120_000);

  it("refuses to start with a clear message on a bad setting", async () => {
    dataDir = await seededDataDir();
    running = startProduct({ REPAY_DATA_DIR: dataDir, REPAY_API_TOKEN: "short" });
    expect(await running.exited).toBe(1);
    expect(running.output()).toContain(
      "cannot start: REPAY_API_TOKEN: must be at least 16 characters",
    );
  }, 60_000);
});
