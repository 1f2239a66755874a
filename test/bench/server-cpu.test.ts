// The nudger bench's reading of the local PostgreSQL server's CPU: the line format, and a real server working.
import pg from "pg";
import { describe, expect, it } from "vitest";
import {
  postgresServerCpuMs,
  postgresServerCpuSince,
  processTicks,
} from "../../bench/lib/server-cpu.ts";
import { describeWithPostgres, TEST_POSTGRES_URL } from "../helpers/postgres.ts";

describe("a /proc stat line", () => {
  it("gives the process name and its user plus system ticks", () => {
    const line =
      "2237 (postgres) S 1 2237 2237 0 -1 4194560 1520 0 0 0 731 264 0 0 20 0 1 0 1107 226000896 7000";
    expect(processTicks(line)).toEqual({ name: "postgres", ticks: 995 });
  });

  it("counts the fields after the last parenthesis, whatever the name holds", () => {
    const line = "42 (odd) name (x) R 1 42 42 0 -1 0 0 0 0 0 7 3 0 0 20 0 1 0 5 100 10";
    expect(processTicks(line)).toEqual({ name: "odd) name (x", ticks: 10 });
  });

  it("refuses a line of another shape", () => {
    expect(processTicks("not a stat line")).toBeUndefined();
    expect(processTicks("1 (short) S 1 2")).toBeUndefined();
  });
});

describeWithPostgres("the local server's CPU", () => {
  it("grows by the CPU a query spends in the server", async (context) => {
    if (postgresServerCpuMs() === undefined) {
      context.skip("no postgres process is visible on this machine: the server runs elsewhere");
    }
    const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
    try {
      const before = postgresServerCpuMs();
      const started = performance.now();
      // About a third of a second of one core's work, all of it in the server.
      await client.query("SELECT count(*) FROM generate_series(1, 6000000)");
      const wallMs = performance.now() - started;
      const spent = postgresServerCpuSince(before) as number;
      expect(spent).toBeGreaterThanOrEqual(Math.min(100, wallMs / 2));
      expect(spent).toBeLessThan(wallMs * 4 + 200);
    } finally {
      await client.end();
    }
  });
});
