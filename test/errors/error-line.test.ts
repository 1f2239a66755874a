// The errors a new user meets, made by the real parts, each as one line that says what to do.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../bots/config.ts";
import { errorLine } from "../../bots/error-line.ts";
import { parseRecords, readRecords } from "../../bots/import/read-records.ts";
import { loadSlackConfig } from "../../bots/slack/index.ts";
import { lockDataDir } from "../../prisma/data-dir-lock.ts";
import { openDatabase } from "../../prisma/database.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import { holdDataDir } from "../helpers/hold-data-dir.ts";

async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

function expectOneActionableLine(line: string, says: RegExp): void {
  expect(line).not.toContain("\n");
  expect(line).not.toMatch(/\bat .+:\d+:\d+/); // no stack frame
  expect(line).toMatch(says);
}

let dir: string;
let fake: FakeTelegram;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "repay-errors-"));
  fake = await startFakeTelegram();
});

afterAll(async () => {
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("errors a person can act on", () => {
  it("Should name the other process and the ways out when the data folder is locked", async () => {
    const folder = join(dir, "locked");
    const other = await holdDataDir(folder);
    try {
      const line = errorLine(await caught(() => lockDataDir(folder)));
      expectOneActionableLine(
        line,
        new RegExp(
          `another repay process \\(pid ${other.pid}\\) is using .*: stop it, use the running product's HTTP API, or set DATABASE_URL.*\\[DATA_DIR_LOCKED\\]$`,
        ),
      );
    } finally {
      await other.release();
    }
  }, 60_000);

  it("Should say what is in the way when the data folder cannot be made", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const line = errorLine(await caught(() => lockDataDir(join(file, "data"))));
    expectOneActionableLine(
      line,
      /^cannot use .*a-file.*: a part of the path is a file, not a folder \(ENOTDIR\); check the path .*REPAY_DATA_DIR/,
    );
  });

  it("Should say to start the server or fix DATABASE_URL when PostgreSQL cannot be reached", async () => {
    const error = await caught(() =>
      openDatabase({ url: "postgresql://postgres@127.0.0.1:9/none" }),
    );
    expectOneActionableLine(
      errorLine(error),
      /start the database server or fix DATABASE_URL \(unset it to use the embedded PGlite folder\) \[DATABASE_UNAVAILABLE\]$/,
    );
  });

  it("Should tell a refused Telegram token apart from an unreachable Bot API", async () => {
    const refused = await caught(() =>
      new Bot("123456:wrong-token", { client: { apiRoot: fake.apiRoot } }).api.getMe(),
    );
    expectOneActionableLine(
      errorLine(refused),
      /^TELEGRAM_BOT_TOKEN: Telegram refused the token \(401 Unauthorized\): copy it again from @BotFather$/,
    );
    const unreachable = await caught(() =>
      new Bot(fake.token, { client: { apiRoot: "http://127.0.0.1:9" } }).api.getMe(),
    );
    expectOneActionableLine(
      errorLine(unreachable),
      /^cannot reach Telegram .*check the network, or TELEGRAM_API_ROOT/,
    );
  });

  it("Should name a missing or malformed setting", async () => {
    expectOneActionableLine(
      errorLine(await caught(() => loadSlackConfig({ SLACK_BOT_TOKEN: "xoxb-1" }))),
      /^SLACK_SIGNING_SECRET: missing: the Slack app needs it with SLACK_BOT_TOKEN/,
    );
    expectOneActionableLine(
      errorLine(
        await caught(() =>
          loadSlackConfig({
            SLACK_BOT_TOKEN: "xoxb-1",
            SLACK_SIGNING_SECRET: "s",
            REPAY_SLACK_DIGEST_HOUR: "25",
          }),
        ),
      ),
      /^REPAY_SLACK_DIGEST_HOUR: must be an hour from 0 to 23$/,
    );
    expectOneActionableLine(
      errorLine(
        await caught(() =>
          loadConfig({ TELEGRAM_BOT_TOKEN: "1:x", TELEGRAM_WEBHOOK_URL: "https://x.example" }),
        ),
      ),
      /^TELEGRAM_WEBHOOK_SECRET: webhook mode needs a secret/,
    );
  });

  it("Should say how to fix a CSV's quoting and a missing file", async () => {
    const quote = await caught(() =>
      parseRecords("book.csv", 'borrower_ref,borrower_name\n"B-1,Ana\n'),
    );
    expectOneActionableLine(
      (quote as Error).message,
      /^book\.csv: line \d+: .*Quote Not Closed.*: put a field holding a comma, quote or line break in double quotes/,
    );
    const fields = await caught(() => parseRecords("book.csv", "a,b\n1,2,3\n"));
    expectOneActionableLine(
      (fields as Error).message,
      /^book\.csv: line 2: .*: give every row as many fields as the header row/,
    );
    const missing = await caught(() => readRecords(join(dir, "nope.csv")));
    expectOneActionableLine((missing as Error).message, /nope\.csv: no such file: check the path/);
  });

  it("Should keep an unexpected error to one line and ask for a report", () => {
    expectOneActionableLine(
      errorLine(new TypeError("x is not a function\n    at f (file.ts:1:2)")),
      /^x is not a function \(unexpected: please report it with the command you ran\)$/,
    );
  });
});
