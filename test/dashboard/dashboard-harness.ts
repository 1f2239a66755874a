// A dashboard on an in-memory PGlite with the demo book, called without a server (app.request).
import { Hono } from "hono";
import { mountDashboard } from "../../bots/dashboard/mount-dashboard.ts";
import { openDatabase } from "../../prisma/database.ts";
import { seedDemoBook } from "../../prisma/seed/seed-demo.ts";
import { prismaContactRecords } from "../../prisma/store/contact-records.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";

export const PASSWORD = "correct horse battery staple";

export async function demoDashboard() {
  const db = await openDatabase({ memory: true });
  const store = createPrismaStore(db.prisma);
  await seedDemoBook(store, new Date().toISOString().slice(0, 10));
  const app = new Hono();
  const banner = mountDashboard(app, {
    store,
    contactRecords: prismaContactRecords(db.prisma),
    database: "pglite",
    profile: "default",
    env: { DASHBOARD_PASSWORD: PASSWORD },
  });
  return { app, store, banner, close: () => db.close() };
}

/** Logs in and returns the session cookie ("name=value"). */
export async function logIn(app: Hono): Promise<string> {
  const response = await app.request("http://127.0.0.1/dashboard/login", {
    method: "POST",
    body: new URLSearchParams({ password: PASSWORD, next: "/dashboard" }),
    headers: { origin: "http://127.0.0.1" },
  });
  const cookie = response.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

/** The `_csrf` value of the first form on a page. */
export function csrfOf(html: string): string {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";
}
