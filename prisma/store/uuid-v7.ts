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
