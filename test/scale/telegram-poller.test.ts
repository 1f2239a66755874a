// Long polling is for one process: a second telegram poller on the same database exits with a message and code 3.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../../prisma/database.ts";
import { type FakeTelegram, startFakeTelegram } from "../fakes/telegram-api/index.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  type ThrowawayDatabase,
} from "../helpers/postgres.ts";
import { type ProductProcess, startProductProcess } from "../helpers/product-process.ts";

describeWithPostgres("a second Telegram poller", () => {
  let database: ThrowawayDatabase;
  let telegram: FakeTelegram;
  const processes: ProductProcess[] = [];

  beforeAll(async () => {
    database = await createThrowawayDatabase("repay_poller");
    await (await openDatabase({ url: database.url })).close();
    telegram = await startFakeTelegram();
  }, 120_000);

  afterAll(async () => {
    for (const started of processes) started.child.kill("SIGKILL");
    await telegram?.close();
    await database?.drop();
  });

  it("Should refuse to start with a clear message and exit code 3, never a stack trace, while the first polls on", async () => {
    const env = {
      DATABASE_URL: database.url,
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    };
    const first = startProductProcess("telegram", env);
    processes.push(first);
    await first.waitFor(/telegram: polling as @/);
    const second = startProductProcess("telegram", env);
    processes.push(second);

    expect(await second.exited).toBe(3);
    expect(second.output()).toMatch(/cannot start: another process is already polling Telegram/);
    expect(second.output()).not.toMatch(/\n\s+at /);
    expect(first.child.exitCode).toBeNull();
    expect(await first.stop()).toBe(0);
  }, 240_000);
});
