// Whether each channel can carry an automated message to a borrower now, and why not (pure).
import type { ConsentEvent } from "../ports/contact-points.ts";
import type { Channel } from "../ports/identities.ts";
import { emailConsent, smsConsent } from "./consent-state.ts";

/**
 * usable: it may carry a nudge. Otherwise: no_address (no phone / email / linked chat),
 * not_given (SMS without consent for this number), opted_out, unreachable (found dead).
 */
export type ChannelStatus = "usable" | "no_address" | "not_given" | "opted_out" | "unreachable";

export interface ChannelState {
  readonly channel: Channel;
  readonly status: ChannelStatus;
  /** The phone number, email address or chat id it would go to. */
  readonly address?: string;
}

export interface ContactFacts {
  readonly phone?: string;
  readonly email?: string;
  /** The linked Telegram chat id, if any. */
  readonly telegramChatId?: string;
  readonly events: readonly ConsentEvent[];
  readonly optedOut: readonly Channel[];
  readonly unreachable: readonly Channel[];
}

export const ALL_CHANNELS: readonly Channel[] = ["telegram", "sms", "email", "console"];

function stateOf(channel: Channel, facts: ContactFacts, demo: boolean): ChannelState {
  const address =
    channel === "sms"
      ? facts.phone
      : channel === "email"
        ? facts.email
        : channel === "telegram"
          ? facts.telegramChatId
          : demo
            ? "terminal"
            : undefined;
  const withAddress = (status: ChannelStatus): ChannelState => ({
    channel,
    status,
    ...(address !== undefined ? { address } : {}),
  });
  if (address === undefined) return withAddress("no_address");
  if (facts.optedOut.includes(channel)) return withAddress("opted_out");
  const consent =
    channel === "sms"
      ? smsConsent(facts.events, address)
      : channel === "email"
        ? emailConsent(facts.events, address)
        : "granted";
  if (consent !== "granted") return withAddress(consent);
  if (facts.unreachable.includes(channel)) return withAddress("unreachable");
  return withAddress("usable");
}

/**
 * The state of each of `channels` (default all) for the borrower these facts describe. The
 * console (the terminal demo) stands in only for a borrower with no address on any other of
 * `channels`: it is never a fallback for a channel they opted out of.
 */
export function channelStates(
  facts: ContactFacts,
  channels: readonly Channel[] = ALL_CHANNELS,
): ChannelState[] {
  const real = channels.filter((channel) => channel !== "console");
  const demo = real.every((channel) => stateOf(channel, facts, false).status === "no_address");
  return channels.map((channel) => stateOf(channel, facts, demo));
}
