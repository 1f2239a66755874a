// Roles: parsed from --role or REPAY_ROLE; several processes need PostgreSQL and a queue engine.
import { describe, expect, it } from "vitest";
import { queueEngineFrom } from "../../bots/queue/queue-engine.ts";
import { checkRolesFit, parseRoles } from "../../bots/serve/roles.ts";

describe("roles", () => {
  it("Should take every role by default and for all", () => {
    expect(parseRoles(undefined).all).toBe(true);
    expect(parseRoles("all").names).toEqual(["api", "telegram", "slack", "planner", "dispatcher"]);
  });

  it("Should take one role or several separated by commas", () => {
    const roles = parseRoles("dispatcher, planner");
    expect(roles.all).toBe(false);
    expect(roles.names).toEqual(["planner", "dispatcher"]);
    expect(roles.has("telegram")).toBe(false);
  });

  it("Should refuse an unknown role, naming the setting", () => {
    expect(() => parseRoles("mailer", "--role")).toThrow(/--role: unknown role "mailer"/);
  });

  it("Should keep PGlite and the in-process nudger to the role all", () => {
    expect(() => checkRolesFit(parseRoles("dispatcher"), "pglite", "none")).toThrow(
      /PGlite runs in one process, so only the role "all"/,
    );
    expect(() => checkRolesFit(parseRoles("api"), "postgres", "none")).toThrow(/REPAY_QUEUE/);
    expect(() => checkRolesFit(parseRoles("all"), "pglite", "none")).not.toThrow();
    expect(() => checkRolesFit(parseRoles("api"), "postgres", "postgres")).not.toThrow();
  });
});

describe("queue engine", () => {
  it("Should use Redis with REDIS_URL, else PostgreSQL with DATABASE_URL, else none", () => {
    expect(queueEngineFrom({})).toEqual({ kind: "none" });
    expect(queueEngineFrom({ DATABASE_URL: "postgresql://db/x" })).toEqual({
      kind: "postgres",
      url: "postgresql://db/x",
    });
    expect(
      queueEngineFrom({ DATABASE_URL: "postgresql://db/x", REDIS_URL: "redis://127.0.0.1:6379" }),
    ).toEqual({ kind: "redis", url: "redis://127.0.0.1:6379", prefix: "repay" });
    expect(
      queueEngineFrom({ REDIS_URL: "redis://127.0.0.1:6379", REPAY_QUEUE_PREFIX: "lender-a" }),
    ).toEqual({ kind: "redis", url: "redis://127.0.0.1:6379", prefix: "lender-a" });
    expect(() =>
      queueEngineFrom({ REDIS_URL: "redis://127.0.0.1:6379", REPAY_QUEUE_PREFIX: "a b" }),
    ).toThrow(/REPAY_QUEUE_PREFIX/);
    expect(queueEngineFrom({ DATABASE_URL: "postgresql://db/x", REPAY_QUEUE: "none" })).toEqual({
      kind: "none",
    });
  });

  it("Should refuse an engine without its server", () => {
    expect(() => queueEngineFrom({ REPAY_QUEUE: "redis" })).toThrow(/REDIS_URL/);
    expect(() => queueEngineFrom({ REPAY_QUEUE: "postgres" })).toThrow(/DATABASE_URL/);
    expect(() => queueEngineFrom({ REPAY_QUEUE: "kafka" })).toThrow(/redis, postgres or none/);
  });
});
