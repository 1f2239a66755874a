// The dashboard in headless Chromium on the demo book: log in, every page, figures equal `repay report portfolio`.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountDashboard } from "../../bots/dashboard/mount-dashboard.ts";
import { openDatabase } from "../../prisma/database.ts";
import { prismaContactRecords } from "../../prisma/store/contact-records.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import { repay } from "../cli/run-repay.ts";
import { PASSWORD } from "./dashboard-harness.ts";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(import.meta.dirname, "../../test-output/dashboard");
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  console.info(
    `dashboard browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)`,
  );
}

let dataDir: string;
let report: {
  loans: number;
  buckets: Record<string, { loans: number; byCurrency: Record<string, string> }>;
  promises: Record<string, number>;
  plans: Record<string, number>;
};
let browser: Browser;
let context: BrowserContext;
let base: string;
let close: () => Promise<void>;
const requests: string[] = [];
const problems: string[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${path}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${path}: ${error.message}`));
  await page.goto(`${base}${path}`);
  return page;
}

/** Pixels of a canvas that are not transparent: a chart drawn with data has many. */
function paintedPixels(page: Page, id: string): Promise<number> {
  return page.evaluate(`(() => {
    const c = document.getElementById(${JSON.stringify(id)});
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
    return painted;
  })()`);
}

describe.skipIf(!haveChromium)("dashboard in Chromium", () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "repay-dashboard-"));
    process.env.REPAY_DATA_DIR = dataDir;
    expect((await repay(["db", "seed", "--demo"])).code).toBe(0);
    const printed = await repay(["report", "portfolio", "--json"]);
    report = JSON.parse(printed.stdout);
    const db = await openDatabase({ dataDir });
    const app = new Hono();
    mountDashboard(app, {
      store: createPrismaStore(db.prisma),
      contactRecords: prismaContactRecords(db.prisma),
      database: "pglite",
      profile: "default",
      env: { DASHBOARD_PASSWORD: PASSWORD },
    });
    const port = await freePort();
    const server = serve({ fetch: app.fetch, port, hostname: "127.0.0.1" });
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
    context = await browser.newContext();
    mkdirSync(SHOTS, { recursive: true });
    close = async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    };
  }, 300_000);

  afterAll(async () => {
    await close?.();
    delete process.env.REPAY_DATA_DIR;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("Should log in and show the portfolio's figures as `repay report portfolio` prints them, with a drawn chart", async () => {
    const page = await open("/dashboard");
    expect(page.url()).toContain("/dashboard/login");
    await page.fill('input[name="password"]', PASSWORD);
    await Promise.all([
      page.waitForURL(`${base}/dashboard`, { timeout: 180_000 }),
      page.click("button"),
    ]);
    await page.waitForSelector('canvas#bucket-chart[data-rendered="true"]');
    const cells = await page.$$eval("#buckets tbody tr", (rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );
    for (const [bucket, loans, outstanding] of cells.slice(0, 5)) {
      const line = report.buckets[bucket ?? ""];
      expect(Number(loans), bucket).toBe(line?.loans);
      const amounts = Object.entries(line?.byCurrency ?? {})
        .map(([currency, amount]) => `${currency} ${amount}`)
        .join(", ");
      expect(outstanding, bucket).toBe(amounts || "-");
    }
    const promises = await page.$$eval("#promises tbody td", (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    const p = report.promises;
    expect(promises).toEqual([p.made, p.kept, p.broken, p.open, p.closed]);
    const plans = await page.$$eval("#plans tbody td", (tds) =>
      tds.map((td) => Number(td.textContent)),
    );
    const pl = report.plans;
    expect(plans).toEqual([pl.offered, pl.accepted, pl.performing, pl.broken, pl.completed]);
    expect(Number(cells[5]?.[1])).toBe(report.loans);
    expect(await paintedPixels(page, "bucket-chart")).toBeGreaterThan(20_000);
    const plotted = await page.evaluate(
      `Chart.getChart("bucket-chart").data.datasets.reduce((n, d) => n + d.data.reduce((a, b) => a + b, 0), 0)`,
    );
    expect(plotted).toBeGreaterThan(report.loans);
    await page.screenshot({ path: join(SHOTS, "portfolio.png"), fullPage: true });
  }, 300_000);

  it("Should open the rows behind a figure, the compliance page, a borrower's timeline and the simulator", async () => {
    const page = await open("/dashboard/rows?bucket=1-30");
    const rows = await page.$$("#rows tbody tr");
    expect(rows.length).toBe(report.buckets["1-30"]?.loans);

    await page.goto(`${base}/dashboard/contacts`);
    await page.waitForSelector('canvas#contacts-chart[data-rendered="true"]');
    expect(await page.textContent("#breaches tbody")).toMatch(/^0\s*0\s*0/);
    await page.screenshot({ path: join(SHOTS, "contacts.png"), fullPage: true });

    await page.goto(`${base}/dashboard/borrowers?q=B-001`);
    expect(page.url()).toContain("/dashboard/borrowers/B-001");
    expect(await page.$$("#timeline tbody tr")).not.toHaveLength(0);
    expect(await page.content()).not.toMatch(/\+1212555\d{4}/);
    await page.screenshot({ path: join(SHOTS, "borrower.png"), fullPage: true });

    await page.goto(`${base}/dashboard/simulator`);
    await page.selectOption('select[name="days"]', "7");
    await Promise.all([
      page.waitForSelector("#simulation-report", { timeout: 240_000 }),
      page.click("form button:has-text('Run')"),
    ]);
    expect(await page.textContent("#simulation-report")).toMatch(/\S/);
    await page.screenshot({ path: join(SHOTS, "simulator.png"), fullPage: true });

    expect(problems).toEqual([]);
    const elsewhere = requests.filter(
      (url) => !url.startsWith(`${base}/`) && !url.startsWith("data:"),
    );
    expect(elsewhere).toEqual([]);
  }, 300_000);
});
