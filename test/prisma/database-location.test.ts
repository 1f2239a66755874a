// Where openDatabase looks: explicit options, then DATABASE_URL, then REPAY_DATA_DIR, then ./data.
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  describeLocation,
  locationUrl,
  parseLocationUrl,
  resolveLocation,
} from "../../prisma/database-location.ts";

const PG = "postgresql://repay:secret@db.internal:5432/repay";

describe("resolveLocation", () => {
  it("uses ./data when nothing is configured", () => {
    expect(resolveLocation({}, {})).toEqual({ kind: "pglite", dataDir: resolve("data") });
  });

  it("uses REPAY_DATA_DIR for the PGlite folder", () => {
    expect(resolveLocation({}, { REPAY_DATA_DIR: "/srv/repay" })).toEqual({
      kind: "pglite",
      dataDir: "/srv/repay",
    });
  });

  it("prefers DATABASE_URL over REPAY_DATA_DIR", () => {
    expect(resolveLocation({}, { DATABASE_URL: PG, REPAY_DATA_DIR: "/srv/repay" })).toEqual({
      kind: "postgres",
      url: PG,
    });
  });

  it("lets explicit options win over the environment, memory first", () => {
    const env = { DATABASE_URL: PG };
    expect(resolveLocation({ memory: true, dataDir: "x" }, env)).toEqual({ kind: "pglite" });
    expect(resolveLocation({ dataDir: "/tmp/x" }, env)).toEqual({
      kind: "pglite",
      dataDir: "/tmp/x",
    });
  });

  it("rejects a DATABASE_URL that is not PostgreSQL", () => {
    expect(() => resolveLocation({}, { DATABASE_URL: "file:./dev.db" })).toThrow(
      expect.objectContaining({ code: "INVALID_DATABASE_URL" }),
    );
  });
});

describe("the location as the Prisma CLI's datasource URL", () => {
  it("round-trips a PGlite folder, memory and a PostgreSQL URL", () => {
    for (const location of [
      { kind: "pglite", dataDir: "/srv/repay data" },
      { kind: "pglite" },
      { kind: "postgres", url: PG },
    ] as const) {
      expect(parseLocationUrl(locationUrl(location))).toEqual(location);
    }
  });

  it("describes a PostgreSQL location without its password", () => {
    expect(describeLocation({ kind: "postgres", url: PG })).toBe(
      "PostgreSQL at postgresql://repay:***@db.internal:5432/repay",
    );
  });
});
