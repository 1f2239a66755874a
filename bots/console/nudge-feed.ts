// The console demo's view of the nudger: reminders sent and held, by borrower ref and name, in batches.

import type { NudgeDecisionEvent } from "../../core/policy/index.ts";
import type { Borrower, BorrowerStore } from "../../core/ports/index.ts";

/** One reminder as a person reads it: whom, what happened, and the message or why it waits. */
export interface FeedEntry {
  readonly at: string;
  readonly borrowerId: string;
  readonly borrowerRef: string;
  readonly borrowerName: string;
  readonly timeZone: string;
  readonly outcome: "sent" | "held";
  readonly reasons: readonly string[];
  /** For sent: the message. */
  readonly text?: string;
  /** For held: when it may go (UTC ISO). */
  readonly until?: string;
}

export type FeedListener = (batch: readonly FeedEntry[]) => void;

export interface NudgeFeed {
  /** Give this to the planner and the dispatcher as `onDecision`. */
  readonly onDecision: (event: NudgeDecisionEvent) => void;
  /** Every entry so far, oldest first. */
  entries(): readonly FeedEntry[];
  /** Batches arrive once the nudger has been quiet for `settleMs`; batches made before the first listener are handed to it. */
  subscribe(listener: FeedListener): () => void;
  /** Resolves when every event received so far is in a delivered batch (tests). */
  settled(): Promise<void>;
}

export interface NudgeFeedOptions {
  readonly borrowers: Pick<BorrowerStore, "byIds">;
  /** Quiet time that ends a batch. Default 300 ms. */
  readonly settleMs?: number;
}

/**
 * Collects the nudger's decisions into what a person at the terminal can follow: each sent
 * message once per borrower (rows of one borrower go out as one message), and each reminder the
 * rules hold on a cadence day (quiet hours, caps), once per borrower and batch.
 *
 * @example const feed = createNudgeFeed({ borrowers: store.borrowers });
 * startNudger({ planner: { ...planner, onDecision: feed.onDecision }, ... });
 */
export function createNudgeFeed(options: NudgeFeedOptions): NudgeFeed {
  const settleMs = options.settleMs ?? 300;
  const all: FeedEntry[] = [];
  const listeners = new Set<FeedListener>();
  const undelivered: FeedEntry[][] = [];
  const names = new Map<string, Borrower>();
  let pending: NudgeDecisionEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> = Promise.resolve();

  const deliver = (batch: FeedEntry[]) => {
    if (batch.length === 0) return;
    all.push(...batch);
    if (listeners.size === 0) undelivered.push(batch);
    for (const listener of listeners) listener(batch);
  };

  const flush = () => {
    timer = undefined;
    const events = pending;
    pending = [];
    flushing = flushing.then(async () => {
      const unknown = [...new Set(events.map((e) => e.borrowerId))].filter((id) => !names.has(id));
      if (unknown.length > 0) {
        for (const [id, borrower] of await options.borrowers.byIds(unknown))
          names.set(id, borrower);
      }
      deliver(toEntries(events, names));
    });
  };

  return {
    onDecision(event) {
      if (!isShown(event)) return;
      pending.push(event);
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, settleMs);
      timer.unref();
    },
    entries: () => all,
    subscribe(listener) {
      listeners.add(listener);
      for (const batch of undelivered.splice(0)) listener(batch);
      return () => listeners.delete(listener);
    },
    async settled() {
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      await flushing;
    },
  };
}

/** Sent messages, and holds on a reminder's own day; not the quiet days between cadence dates. */
function isShown(event: NudgeDecisionEvent): boolean {
  if (event.decision === "sent") return event.text !== undefined;
  return (
    event.decision === "deferred" &&
    event.kind !== null &&
    !event.reasons.includes("NOT_IN_CADENCE") &&
    !event.reasons.includes("BORROWER_BUSY")
  );
}

function toEntries(
  events: readonly NudgeDecisionEvent[],
  names: ReadonlyMap<string, Borrower>,
): FeedEntry[] {
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const event of events) {
    const outcome = event.decision === "sent" ? "sent" : "held";
    const key = `${event.borrowerId}\u0000${outcome}\u0000${event.text ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const borrower = names.get(event.borrowerId);
    entries.push({
      at: event.at,
      borrowerId: event.borrowerId,
      borrowerRef: borrower?.externalRef ?? "?",
      borrowerName: borrower?.name ?? "unknown borrower",
      timeZone: borrower?.timeZone ?? "UTC",
      outcome,
      reasons: event.reasons,
      ...(event.text !== undefined ? { text: event.text } : {}),
      ...(event.until !== undefined ? { until: event.until } : {}),
    });
  }
  return entries;
}
