// Time-ordered ids for rows the bulk upserts insert with raw SQL (Prisma's uuid(7) is client-side).
import { randomBytes } from "node:crypto";

/** `count` UUIDv7 strings: 48 bits of milliseconds, then random bits, so new rows sort last. */
export function uuidV7s(count: number, now = Date.now()): string[] {
  const random = randomBytes(16 * count);
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const bytes = random.subarray(16 * i, 16 * i + 16);
    bytes.writeUIntBE(now, 0, 6);
    bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
    const hex = bytes.toString("hex");
    ids.push(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    );
  }
  return ids;
}

let lastMs = 0;
let sequence = 0;

/**
 * One UUIDv7 greater than every one this function returned before in this process (as
 * Prisma's own uuid(7) default is): within one millisecond a 12-bit counter, started at a
 * random value below half its range, counts up; when it runs out the time part moves on.
 * Rows ordered by (instant, id) then keep the order they were written in.
 */
export function nextUuidV7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = randomBytes(2).readUInt16BE(0) & 0x7ff;
  } else if (sequence < 0xfff) {
    sequence += 1;
  } else {
    lastMs += 1;
    sequence = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(lastMs, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
