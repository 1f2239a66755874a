// Which channel a nudge goes to: the borrower's preference, then their fallbacks, then ours (pure).
import type { Channel } from "../ports/identities.ts";

export interface ChannelChoiceInput {
  /** The channels the product can send on, in the operator's order. */
  readonly configured: readonly Channel[];
  readonly preferred?: Channel;
  readonly fallbackOrder?: readonly Channel[];
  /** Channels that can reach the borrower now: linked, consented, not opted out, not dead. */
  readonly usable: ReadonlySet<Channel>;
  /** Channels the borrower opted out of (reported as OPTED_OUT when nothing else is usable). */
  readonly optedOut: ReadonlySet<Channel>;
}

/** The configured channels in the borrower's order: preferred, fallbacks, then the rest. */
export function channelOrder(
  configured: readonly Channel[],
  preferred?: Channel,
  fallbackOrder: readonly Channel[] = [],
): Channel[] {
  const wanted = [...(preferred ? [preferred] : []), ...fallbackOrder, ...configured];
  return [...new Set(wanted)].filter((channel) => configured.includes(channel));
}

/**
 * The first usable channel in the borrower's order. None usable: the first opted-out one (so
 * the policy can say OPTED_OUT), else undefined (unreachable).
 *
 * @example pickChannel({ configured: ["telegram", "sms"], preferred: "sms", usable: new Set(["telegram", "sms"]), optedOut: new Set() }) // "sms"
 */
export function pickChannel(input: ChannelChoiceInput): Channel | undefined {
  const order = channelOrder(input.configured, input.preferred, input.fallbackOrder);
  return (
    order.find((channel) => input.usable.has(channel)) ??
    order.find((channel) => input.optedOut.has(channel))
  );
}
