// After the borrower writes to us, automated nudges wait: a conversation is not a dunning slot.
import { type Block, blockUntil } from "./block.ts";
import type { InboundMessage } from "./inputs.ts";
import { parseInstant } from "./local-time.ts";

const HOUR_MS = 60 * 60 * 1000;

/** Epoch ms at which the cool-down after the latest inbound message ends (undefined: none). */
export function coolDownEnd(inbound: readonly InboundMessage[], hours: number): number | undefined {
  let end: number | undefined;
  inbound.forEach((message, i) => {
    const candidate = parseInstant(message.at, `inbound[${i}].at`) + hours * HOUR_MS;
    if (end === undefined || candidate > end) end = candidate;
  });
  return end;
}

export function coolDownBlock(coolDownEndsAt: number | undefined, ms: number): Block | undefined {
  return coolDownEndsAt !== undefined && ms < coolDownEndsAt
    ? blockUntil("COOL_DOWN", coolDownEndsAt)
    : undefined;
}
