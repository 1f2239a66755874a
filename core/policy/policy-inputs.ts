// Maps what the store keeps (UTC pauses, promises, sent rows, the conversation) to decide()'s input.
import { DateTime } from "luxon";
import type { IsoDate } from "../dates/iso-date.ts";
import { zoneFor } from "../dates/time-zone.ts";
import type {
  Channel,
  ConversationMessage,
  NudgeRow,
  Pause,
  PromiseToPay,
} from "../ports/index.ts";
import type { ContactRecord, InboundMessage, PolicyPause, PolicyPauseReason } from "./inputs.ts";

const POLICY_REASONS: ReadonlySet<string> = new Set<PolicyPauseReason>([
  "promise",
  "plan",
  "dispute",
  "agent_hold",
  "hardship",
]);

/** The last borrower-local date a pause ending at the UTC instant `until` covers. */
export function lastLocalDate(until: string, timeZone: string): IsoDate {
  return DateTime.fromISO(until, { zone: "utc" })
    .minus({ milliseconds: 1 })
    .setZone(zoneFor(timeZone))
    .toISODate() as IsoDate;
}

/** The channel an "unreachable" pause names in `createdBy` ("nudger:telegram"); absent: all. */
export function unreachableChannelOf(pause: Pause): Channel | undefined {
  const match = /^nudger:(\w+)/.exec(pause.createdBy);
  return match?.[1] as Channel | undefined;
}

export function unreachableChannels(pauses: readonly Pause[], channels: readonly Channel[]) {
  const dead = new Set<Channel>();
  for (const pause of pauses) {
    if (pause.reason !== "unreachable") continue;
    const channel = unreachableChannelOf(pause);
    for (const c of channel ? [channel] : channels) dead.add(c);
  }
  return [...dead];
}

/**
 * The pauses that hold one loan: the borrower's and the loan's own. A promise is taken from the
 * promise record (its promised date; the profile adds the grace), so a lapsed promise is still
 * seen and can be found broken. Other pauses end on the local date before their UTC `until`.
 */
export function policyPauses(
  loanId: string,
  pauses: readonly Pause[],
  promises: readonly PromiseToPay[],
  timeZone: string,
): PolicyPause[] {
  // Loops rather than filters and closures: the planner asks for every loan of a pass.
  const held: PolicyPause[] = [];
  for (const promise of promises) {
    if (promise.loanId === loanId && promise.status === "open") {
      held.push({ reason: "promise", until: promise.promisedFor });
    }
  }
  const promised = held.length > 0;
  for (const pause of pauses) {
    if (pause.loanId !== undefined && pause.loanId !== loanId) continue;
    if (!POLICY_REASONS.has(pause.reason)) continue;
    if (pause.reason === "promise" && promised) continue;
    const reason = pause.reason as PolicyPauseReason;
    held.push(
      pause.until === undefined
        ? { reason }
        : { reason, until: lastLocalDate(pause.until, timeZone) },
    );
  }
  return held;
}

/**
 * The message a contact row went out in: its provider id once sent; while in flight or unknown,
 * its claim (a worker sends the rows of one borrower it claimed at one instant as one message).
 */
export function contactMessageId(row: NudgeRow): string | undefined {
  if (row.providerMessageId) return `${row.channel}:${row.providerMessageId}`;
  if (row.claimedBy && row.claimedAt) return claimMessageId(row.claimedBy, row.claimedAt);
  return undefined;
}

/** The message id a claim's rows share until the provider gives one. */
export function claimMessageId(worker: string, claimedAt: string): string {
  return `claim:${worker}@${claimedAt}`;
}

/**
 * Outbox rows that reached the borrower, or may have (outbox.contactsSince), as automated
 * contacts: rows sent in one message count once. Agents' messages from the conversation are
 * contacts toward the hard ceiling.
 */
export function contactHistory(
  borrowerId: string,
  sent: readonly NudgeRow[],
  conversation: readonly ConversationMessage[],
): ContactRecord[] {
  const records: ContactRecord[] = sent.map((row) => {
    const messageId = contactMessageId(row);
    return {
      at: (row.status === "sent" ? row.sentAt : row.claimedAt) ?? row.plannedFor,
      loanId: row.loanId ?? "",
      borrowerId,
      channel: row.channel,
      automated: true,
      ...(messageId ? { messageId } : {}),
    };
  });
  for (const message of conversation) {
    if (message.direction !== "outbound" || !message.author.startsWith("agent:")) continue;
    records.push({
      at: message.at,
      loanId: "",
      borrowerId,
      channel: message.channel,
      automated: false,
    });
  }
  return records;
}

export function inboundMessages(conversation: readonly ConversationMessage[]): InboundMessage[] {
  return conversation.filter((m) => m.direction === "inbound").map((m) => ({ at: m.at }));
}
