// Time-ordered UUIDs (version 7), like Prisma's uuid(7) default, for rows the bench ids itself.
import { randomBytes } from "node:crypto";

/** A UUIDv7: 48-bit millisecond timestamp, then random bits; sorts roughly by creation. */
export function uuid7(now = Date.now()): string {
  const bytes = randomBytes(16);
  const time = BigInt(now);
  for (let i = 0; i < 6; i++) bytes[i] = Number((time >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x70;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
