// The unsubscribe token: signed claims that expire; any change to it is refused.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checkUnsubscribeToken, unsubscribeToken } from "../../../core/email/index.ts";

const sign = (payload: string) =>
  createHmac("sha256", "k".repeat(32)).update(payload).digest("base64url");
const claims = {
  borrowerId: "b-1",
  email: "张@mail.example",
  locale: "zh-CN" as const,
  expiresAt: "2026-05-01T00:00:00.000Z",
};

describe("unsubscribe token", () => {
  it("Should read back its claims before it expires, non-ASCII address included", () => {
    const token = unsubscribeToken(claims, sign);
    expect(token).toMatch(/^u1\.[\w-]+\.[\w-]+$/);
    expect(checkUnsubscribeToken(token, "2026-04-30T23:59:59.000Z", sign)).toEqual({
      ok: true,
      claims,
    });
  });

  it("Should be expired from its expiry instant on", () => {
    const token = unsubscribeToken(claims, sign);
    expect(checkUnsubscribeToken(token, claims.expiresAt, sign)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("Should refuse a token signed with another key, or with changed claims", () => {
    const token = unsubscribeToken(claims, sign);
    const other = (payload: string) => `${sign(payload)}x`;
    expect(checkUnsubscribeToken(token, "2026-04-01T00:00:00.000Z", other)).toMatchObject({
      reason: "bad_signature",
    });
    const longer = unsubscribeToken({ ...claims, expiresAt: "2099-01-01T00:00:00.000Z" }, sign);
    const spliced = `${longer.split(".").slice(0, 2).join(".")}.${token.split(".")[2]}`;
    expect(checkUnsubscribeToken(spliced, "2026-04-01T00:00:00.000Z", sign)).toMatchObject({
      reason: "bad_signature",
    });
  });

  it("Should call anything else malformed", () => {
    for (const bad of ["", "u1", "u2.a.b", "u1.a.b.c"]) {
      expect(checkUnsubscribeToken(bad, "2026-04-01T00:00:00.000Z", sign)).toMatchObject({
        reason: "malformed",
      });
    }
    const unsigned = "u1.bm90LWpzb24";
    expect(
      checkUnsubscribeToken(`${unsigned}.${sign(unsigned)}`, "2026-04-01T00:00:00.000Z", sign),
    ).toMatchObject({
      reason: "malformed",
    });
  });
});
