// The dashboard is behind a login: signed HttpOnly session cookie, CSRF-safe forms, 401/redirect without.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfOf, demoDashboard, logIn, PASSWORD } from "./dashboard-harness.ts";

let dash: Awaited<ReturnType<typeof demoDashboard>>;
const URL_BASE = "http://127.0.0.1";

beforeAll(async () => {
  dash = await demoDashboard();
}, 120_000);
afterAll(async () => {
  await dash?.close();
});

describe("dashboard login", () => {
  it("Should send a page request without a session to the login form, and refuse a form post with 401", async () => {
    const page = await dash.app.request(`${URL_BASE}/dashboard/contacts`);
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe("/dashboard/login?next=%2Fdashboard%2Fcontacts");
    const post = await dash.app.request(`${URL_BASE}/dashboard/recompute`, { method: "POST" });
    expect(post.status).toBe(401);
    const login = await dash.app.request(`${URL_BASE}/dashboard/login`);
    expect(await login.text()).toContain('type="password"');
  });

  it("Should refuse a wrong password with 401 and set no cookie", async () => {
    const response = await dash.app.request(`${URL_BASE}/dashboard/login`, {
      method: "POST",
      body: new URLSearchParams({ password: "not it at all" }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("Should set a signed HttpOnly SameSite cookie on the right password, Secure behind HTTPS", async () => {
    const plain = await dash.app.request(`${URL_BASE}/dashboard/login`, {
      method: "POST",
      body: new URLSearchParams({ password: PASSWORD, next: "https://evil.example/" }),
    });
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe("/dashboard");
    const cookie = plain.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^repay_dashboard=[^;]+\.[^;]+;/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/dashboard");
    expect(cookie).not.toContain("Secure");
    const proxied = await dash.app.request(`${URL_BASE}/dashboard/login`, {
      method: "POST",
      body: new URLSearchParams({ password: PASSWORD }),
      headers: { "x-forwarded-proto": "https" },
    });
    expect(proxied.headers.get("set-cookie")).toContain("Secure");
  });

  it("Should refuse a tampered session cookie", async () => {
    const cookie = await logIn(dash.app);
    const [name, value] = cookie.split("=");
    const tampered = `${name}=${value?.replace(/^./, (c) => (c === "A" ? "B" : "A"))}`;
    const response = await dash.app.request(`${URL_BASE}/dashboard/borrowers`, {
      headers: { cookie: tampered },
    });
    expect(response.status).toBe(303);
  });

  it("Should accept a form only with the session's token and from this site", async () => {
    const cookie = await logIn(dash.app);
    const page = await dash.app.request(`${URL_BASE}/dashboard/simulator`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const token = csrfOf(await page.text());
    expect(token.length).toBeGreaterThan(20);

    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      dash.app.request(`${URL_BASE}/dashboard/recompute`, {
        method: "POST",
        body: new URLSearchParams(body),
        headers: { cookie, ...headers },
      });
    expect((await post({})).status).toBe(403);
    expect((await post({ _csrf: `${token.slice(1)}x` })).status).toBe(403);
    expect((await post({ _csrf: token }, { origin: "https://evil.example" })).status).toBe(403);
    const ok = await post({ _csrf: token }, { origin: URL_BASE });
    expect(ok.status).toBe(303);
    expect(ok.headers.get("location")).toBe("/dashboard");

    const out = await dash.app.request(`${URL_BASE}/dashboard/logout`, {
      method: "POST",
      body: new URLSearchParams({ _csrf: token }),
      headers: { cookie },
    });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/repay_dashboard=;/);
  });

  it("Should print the address and say where the password comes from, never a configured one", () => {
    const line = dash.banner(3000);
    expect(line).toBe(
      "dashboard: http://127.0.0.1:3000/dashboard (password from DASHBOARD_PASSWORD)",
    );
    expect(line).not.toContain(PASSWORD);
  });
});
