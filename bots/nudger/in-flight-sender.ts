// The send boundary: a row is "in flight" from the moment its provider call starts, and not before.
//
// A dispatcher that dies holding claimed rows it had not started to send loses nothing: their
// lease runs out and expireLeases puts them back for another dispatcher. Once a send has started
// (sendStartedAt) it may have reached the borrower, so an expired lease fails it instead, never
// sending it twice. The mark is written after any wait for the send slot, right before the call.

import type { NudgeRow, Outbox } from "../../core/ports/index.ts";
import { type ChannelSender, SendError } from "../../core/ports/index.ts";

/** The dispatcher no longer holds a row it was about to send (its lease ran out meanwhile). */
export const LEASE_LOST = "LEASE_LOST";

export interface InFlightOptions {
  readonly outbox: Pick<Outbox, "markSending" | "reschedule">;
  readonly worker: string;
  readonly clock: () => string;
  /** Each send's turn at a send slot (a queue job's rate-limited start); none: send at once. */
  readonly sendSlot?: () => SendSlotTurn;
}

/** One send's turn at a send slot, taken before the in-flight mark and kept after it. */
export interface SendSlotTurn {
  /** Waits until just before a free slot; throws (nothing sent) when none comes. */
  beforeMark(): Promise<void>;
  /** After the mark: waits out the slot, or takes the next free one; throws (nothing sent) when none comes. */
  atSlot(): Promise<void>;
}

/**
 * `sender`, but each call first waits for the slot, then marks `rows` as being sent, and sends
 * only when every one of them is still this worker's. Otherwise nothing is sent: rows marked
 * are put back (planned at once), and the call fails with LEASE_LOST.
 */
export function inFlightSender(
  sender: ChannelSender,
  rows: readonly NudgeRow[],
  options: InFlightOptions,
): ChannelSender {
  const ids = rows.map((row) => row.id);
  return {
    async send(message) {
      const turn = options.sendSlot?.();
      await turn?.beforeMark();
      // The address is found beside the mark, so at the slot only the provider call is left.
      const preparing = sender.prepare?.(message);
      preparing?.catch(() => {}); // awaited below, after the mark
      const at = options.clock();
      const marked = await options.outbox.markSending(ids, options.worker, at);
      if (marked.length < ids.length) {
        for (const id of marked) {
          const row = rows.find((candidate) => candidate.id === id) as NudgeRow;
          await options.outbox.reschedule(id, row.plannedFor, []);
        }
        throw new SendError("permanent", LEASE_LOST, "the claim's lease ran out before the send");
      }
      const prepared = await preparing;
      // The send goes at its slot, never later: sending late could bunch sends past the rate.
      // When no slot comes, nothing is sent; the dispatcher puts the rows back (clearing the mark).
      await turn?.atSlot();
      return prepared ? prepared.send() : sender.send(message);
    },
  };
}
