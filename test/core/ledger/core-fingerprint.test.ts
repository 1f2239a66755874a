// The schedules and loan states of bench:core's seeded random loans, pinned by a SHA-256: any
// change to the core's speed must leave every amount, date and status exactly as it was.
import { describe, expect, it } from "vitest";
import { canonical, coreFingerprint } from "../../../bench/lib/core-fingerprint.ts";

describe("core fingerprint", () => {
  it("canonical text ignores key order and keeps bigints apart from numbers", () => {
    expect(canonical({ b: 1n, a: [1, "x", undefined], c: undefined })).toBe(
      '{"a":[1,"x",null],"b":1n}',
    );
    expect(canonical({ a: 1n })).not.toBe(canonical({ a: 1 }));
  });

  it("2,000 random loans give the same schedules and loan states as before the speed work", () => {
    expect(coreFingerprint(2_000, 20260115)).toBe(
      "57811235eb173dedb82fa22de09ca6ffd2e32a9f221152f0eb169087b6b052ee",
    );
  });
});
