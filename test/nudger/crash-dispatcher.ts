// A dispatcher process for the crash test: sends every due nudge to the fake Telegram, then exits 0.
// Each message carries its outbox row ids so the test can count deliveries per row.
import { dispatchTick } from "../../bots/nudger/dispatcher.ts";
import { createTelegramSender } from "../../bots/nudger/telegram-sender.ts";
import { contactProfile } from "../../core/policy/index.ts";
import { openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`crash-dispatcher: ${name} is not set`);
  return value;
};

const simBase = Date.parse(env("SIM_BASE"));
const realBase = Number(env("REAL_BASE"));
const clock = () => new Date(simBase + (Date.now() - realBase)).toISOString();

const t0 = Date.now();
const trace = (what: string) =>
  process.env.CRASH_TRACE && process.stderr.write(`${what} +${Date.now() - t0}ms\n`);
const db = await openDatabase({ url: env("DATABASE_URL"), migrate: false });
trace("opened");
const store = createPrismaStore(db.prisma);
const sender = createTelegramSender({
  token: env("TELEGRAM_TOKEN"),
  apiRoot: env("TELEGRAM_API_ROOT"),
  identities: store.identities,
  globalPerSecond: Number(env("SENDER_RATE")),
  timeoutSeconds: 10,
});
let announced = false;
const deps = {
  // The first outcome means sends are under way: the test may kill from here on.
  onDecision: () => {
    if (announced) return;
    announced = true;
    process.stdout.write("claiming\n");
  },
  store,
  profile: contactProfile("default"),
  senders: { telegram: sender },
  lenderName: "Acme Lending",
  workerId: `crash-${process.pid}`,
  leaseSeconds: Number(env("LEASE_SECONDS")),
  batchSize: 16,
  concurrency: 32,
  backoffMs: 50,
  clock,
  tagText: (text: string, rows: readonly { id: string }[]) =>
    `${text}\n[rows:${rows.map((row) => row.id).join(",")}]`,
};

for (;;) {
  trace("tick");
  const tick = await dispatchTick(deps, clock());
  trace(`ticked ${JSON.stringify(tick)}`);
  if (tick.claimed > 0) continue;
  const open = await db.prisma.nudgeOutbox.count({
    where: { status: { in: ["planned", "claimed"] } },
  });
  if (open === 0) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}
await db.close();
process.stdout.write("done\n");
