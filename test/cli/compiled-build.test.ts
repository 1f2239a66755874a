// The compiled build that bin/repay.js runs: fresh, complete, and finding the project's own files.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, SCHEMA_PATH } from "../../prisma/engine/migration-files.ts";
import { buildIsStale } from "../helpers/fresh-build.ts";

const DIST = new URL("../../dist/", import.meta.url);

describe("the compiled build in dist/", () => {
  it("Should be at least as new as every source file once the test run has started", () => {
    expect(existsSync(new URL("bots/cli/main.js", DIST))).toBe(true);
    expect(buildIsStale()).toBe(false);
  });

  it("Should read the migrations and the schema from prisma/, not from dist/", async () => {
    const compiled = (await import(
      new URL("prisma/engine/migration-files.js", DIST).href
    )) as typeof import("../../prisma/engine/migration-files.ts");
    expect(compiled.MIGRATIONS_DIR).toBe(MIGRATIONS_DIR);
    expect(compiled.SCHEMA_PATH).toBe(SCHEMA_PATH);
    expect(existsSync(compiled.MIGRATIONS_DIR)).toBe(true);
    expect(MIGRATIONS_DIR).not.toContain("/dist/");
  });
});
