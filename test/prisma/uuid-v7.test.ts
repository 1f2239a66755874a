// Message and transaction ids: UUIDv7 text, each greater than the one before, so rows of one instant keep their order.
import { describe, expect, it } from "vitest";
import { nextUuidV7 } from "../../prisma/store/uuid-v7.ts";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("nextUuidV7", () => {
  it("Should give version 7, RFC 4122 variant ids whose first 48 bits are the millisecond", () => {
    // Later than any id made before in this process: the time part is then this instant's.
    const at = Date.now() + 1_000_000_000;
    const id = nextUuidV7(at);

    expect(id).toMatch(UUID_V7);
    expect(Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it("Should give ids that sort in the order they were made, within one millisecond too", () => {
    const at = Date.now() + 2_000_000_000;
    const ids = Array.from({ length: 5000 }, (_, i) => nextUuidV7(at + Math.floor(i / 2500)));

    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
