// Time-ordered ids for rows the bulk upserts insert with raw SQL (Prisma's uuid(7) is client-side).
import { randomBytes, randomFillSync } from "node:crypto";

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

/** Random bytes drawn 4 KB at a time: one randomBytes call per id cost more than the id. */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;

function randomByte(): number {
  if (poolAt === pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return pool[poolAt++] as number;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** `count` random bytes as hex. */
function randomHex(count: number): string {
  let hex = "";
  for (let i = 0; i < count; i += 1) hex += HEX[randomByte()];
  return hex;
}

/**
 * One UUIDv7 greater than every one this function returned before in this process (as
 * Prisma's own uuid(7) default is): within one millisecond a 12-bit counter, started at a
 * random value below half its range, counts up; when it runs out the time part moves on.
 * Rows ordered by (instant, id) then keep the order they were written in.
 */
export function nextUuidV7(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    sequence = ((randomByte() << 8) | randomByte()) & 0x7ff;
  } else if (sequence < 0xfff) {
    sequence += 1;
  } else {
    lastMs += 1;
    sequence = 0;
  }
  const time = lastMs.toString(16).padStart(12, "0");
  const variant = HEX[(randomByte() & 0x3f) | 0x80] as string;
  return `${time.slice(0, 8)}-${time.slice(8)}-${(0x7000 | sequence).toString(16)}-${variant}${randomHex(1)}-${randomHex(6)}`;
}
