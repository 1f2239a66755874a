// PGlite's statements prepared once per SQL text answer as PGlite's own query does, and follow the schema when it changes.
import type { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type PreparedPglite, preparedStatements } from "../../prisma/pglite-prepared.ts";
import { newMemoryPglite } from "../../prisma/pglite-template.ts";

let pglite: PGlite;
let prepared: PreparedPglite;

beforeEach(async () => {
  pglite = await newMemoryPglite();
  prepared = preparedStatements(pglite, 3);
  await pglite.exec(`
    CREATE TABLE accounts (id text PRIMARY KEY, balance int NOT NULL CHECK (balance >= 0));
    INSERT INTO accounts VALUES ('a', 100), ('b', 250);`);
});
afterEach(async () => {
  await pglite.close();
});

const BY_MIN = "SELECT id, balance FROM accounts WHERE balance >= $1 ORDER BY id";

describe("PGlite prepared statements", () => {
  it("Should answer with the rows, fields and counts PGlite's own query gives", async () => {
    for (const options of [undefined, { rowMode: "array" as const }]) {
      const mine = await prepared.query(BY_MIN, [150], options);
      const theirs = await pglite.query(BY_MIN, [150], options);
      expect(mine).toEqual(theirs);
    }
    const update = "UPDATE accounts SET balance = balance + $1 WHERE id = ANY($2::text[])";
    expect(await prepared.query(update, [5, ["a", "b"]])).toMatchObject({ affectedRows: 2 });
    expect((await pglite.query("SELECT sum(balance)::int AS s FROM accounts")).rows).toEqual([
      { s: 360 },
    ]);
  });

  it("Should prepare a statement once and bind it again with each call's values", async () => {
    for (const min of [0, 150, 300]) await prepared.query(BY_MIN, [min]);
    expect(prepared.preparedCount).toBe(1);
    const names = await pglite.query<{ statement: string }>(
      "SELECT statement FROM pg_prepared_statements",
    );
    expect(names.rows).toEqual([{ statement: BY_MIN }]);
    expect((await prepared.query(BY_MIN, [300])).rows).toEqual([]);
    expect((await prepared.query(BY_MIN, [200])).rows).toEqual([{ id: "b", balance: 250 }]);
  });

  it("Should keep at most its limit of statements, closing the least recently used", async () => {
    for (let n = 1; n <= 5; n += 1) await prepared.query(`SELECT ${n} + $1::int AS v`, [n]);
    expect(prepared.preparedCount).toBe(3);
    const kept = await pglite.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_prepared_statements",
    );
    expect(kept.rows).toEqual([{ n: 3 }]);
    expect((await prepared.query("SELECT 1 + $1::int AS v", [1])).rows).toEqual([{ v: 2 }]);
  });

  it("Should read a changed table's new shape, and prepare again after DEALLOCATE ALL", async () => {
    const all = "SELECT * FROM accounts WHERE id = $1";
    expect((await prepared.query(all, ["a"])).rows).toEqual([{ id: "a", balance: 100 }]);
    await pglite.exec("ALTER TABLE accounts ADD COLUMN note text DEFAULT 'x'");
    expect((await prepared.query(all, ["a"])).rows).toEqual([{ id: "a", balance: 100, note: "x" }]);
    await pglite.exec("DEALLOCATE ALL");
    expect((await prepared.query(all, ["b"])).rows).toEqual([{ id: "b", balance: 250, note: "x" }]);
  });

  it("Should fail a statement as PGlite does and keep the statement usable", async () => {
    const spend = "UPDATE accounts SET balance = balance - $1 WHERE id = $2";
    await expect(prepared.query(spend, [500, "a"])).rejects.toMatchObject({
      code: "23514",
      query: spend,
    });
    expect(await prepared.query(spend, [50, "a"])).toMatchObject({ affectedRows: 1 });
    await expect(prepared.query("SELEC 1", [])).rejects.toMatchObject({ code: "42601" });
  });

  it("Should keep a transaction's statements in it: a rollback undoes them", async () => {
    const spend = "UPDATE accounts SET balance = balance - $1 WHERE id = $2";
    await prepared.query(spend, [10, "a"]);
    await expect(
      prepared.transaction(async (tx) => {
        await tx.query(spend, [20, "b"]);
        expect((await tx.query(BY_MIN, [0])).rows).toEqual([
          { id: "a", balance: 90 },
          { id: "b", balance: 230 },
        ]);
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect((await prepared.query(BY_MIN, [0])).rows).toEqual([
      { id: "a", balance: 90 },
      { id: "b", balance: 250 },
    ]);
  });
});
