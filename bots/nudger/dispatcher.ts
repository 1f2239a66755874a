// The nudge dispatcher: claims due outbox rows, re-checks the policy, sends, records the outcome.
//
// At-most-once. A row is claimed (leased to this worker until `leaseUntil`) before anything is
// sent, and marked in flight just before the provider is called (in-flight-sender.ts). A crash
// after that mark leaves the row claimed; when its lease runs out `expireLeases` marks it failed
// ("lease expired") and it is never sent again: the loan's next cadence slot plans a new nudge.
// A crash before the mark loses nothing: the row goes back to planned for another dispatcher.
// So a nudge may be lost in a crash mid-send, but a duplicate is never sent. The dispatcher itself never sends on a lease that is about to run out, and retries only failures
// that surely delivered nothing (429, 5xx, connection refused); a timeout or a reset after
// the request went out is final ("unknown outcome").
//
// The rows of one borrower claimed together are sent as ONE message (each row keeps its own
// loan; all get the same provider message id, which the policy's caps count once).
import { hostname } from "node:os";
import { DomainError } from "../../core/errors/index.ts";
import { learnInviteDue, recordLearnInvite } from "../../core/learn/index.ts";
import { type NudgeFacts, type NudgeTemplates, renderNudge } from "../../core/nudges/index.ts";
import { claimMessageId, localInstant, nudgeFacts } from "../../core/policy/index.ts";
import type { BorrowerHold, Channel, NudgeRow } from "../../core/ports/index.ts";
import { StoreErrorCode } from "../../core/store/index.ts";
import { nudgeTemplates } from "../../prompts/index.ts";
import { loadBorrowerContext } from "./borrower-context.ts";
import type { DispatcherDeps, Emit } from "./dispatcher-deps.ts";
import { forEachLimit, groupBy } from "./for-each-limit.ts";
import { inFlightSender, LEASE_LOST } from "./in-flight-sender.ts";
import { recheck } from "./recheck-at-send.ts";
import { sendWithRetry } from "./send-with-retry.ts";
import { settleFailure } from "./settle-failure.ts";
import { auditWording, wordNudge } from "./word-nudge.ts";

export type { DispatcherDeps } from "./dispatcher-deps.ts";

export interface DispatchTickResult {
  readonly expired: number;
  readonly claimed: number;
  readonly sent: number;
  readonly failed: number;
  readonly deferred: number;
  readonly suppressed: number;
}

type Counts = { -readonly [K in keyof DispatchTickResult]: DispatchTickResult[K] };

/**
 * One dispatcher pass at `now`: fails expired leases, claims up to a batch of due rows and
 * sends each borrower's rows as one message through the channel's sender.
 *
 * @example await dispatchTick({ store, profile, senders: { telegram }, lenderName: "Acme" }, new Date().toISOString())
 */
export async function dispatchTick(deps: DispatcherDeps, now: string): Promise<DispatchTickResult> {
  const counts: Counts = { expired: 0, claimed: 0, sent: 0, failed: 0, deferred: 0, suppressed: 0 };
  const { outbox } = deps.store;
  counts.expired = await outbox.expireLeases(now);
  const leaseUntil = new Date(Date.parse(now) + (deps.leaseSeconds ?? 120) * 1000).toISOString();
  const worker = workerOf(deps);
  const batchSize = deps.batchSize ?? 50;
  const rows = await releaseSplitBorrower(
    deps,
    await outbox.claimDue(now, worker, leaseUntil, batchSize),
    batchSize,
  );
  counts.claimed = rows.length;
  await sendClaimed(deps, worker, rows, leaseUntil, counts);
  return counts;
}

/**
 * Sends rows this worker has already claimed until `leaseUntil` (a queue engine's dispatch job
 * claims them by id), each borrower's rows as one message.
 */
export async function dispatchClaimed(
  deps: DispatcherDeps,
  rows: readonly NudgeRow[],
  leaseUntil: string,
): Promise<DispatchTickResult> {
  const counts: Counts = {
    expired: 0,
    claimed: rows.length,
    sent: 0,
    failed: 0,
    deferred: 0,
    suppressed: 0,
  };
  await sendClaimed(deps, workerOf(deps), rows, leaseUntil, counts);
  return counts;
}

/** The worker id claims are made under. */
export function workerOf(deps: Pick<DispatcherDeps, "workerId">): string {
  return deps.workerId ?? `${hostname()}:${process.pid}`;
}

async function sendClaimed(
  deps: DispatcherDeps,
  worker: string,
  rows: readonly NudgeRow[],
  leaseUntil: string,
  counts: Counts,
): Promise<void> {
  const groups = groupBy(rows, (row) => `${row.borrowerId}\u0000${row.channel}`);
  await forEachLimit(groups, deps.concurrency ?? 8, (group) =>
    holdingBorrower(deps, worker, group, leaseUntil, counts),
  );
}

/**
 * Sends a borrower's rows only while this worker alone holds the borrower, so the caps it
 * re-checks cannot change under it: another dispatcher holding them puts the rows back until
 * its hold ends (they are re-checked then, and usually find the day's message already sent).
 */
async function holdingBorrower(
  deps: DispatcherDeps,
  worker: string,
  rows: readonly NudgeRow[],
  leaseUntil: string,
  counts: Counts,
): Promise<void> {
  const { outbox } = deps.store;
  const first = rows[0] as NudgeRow;
  const at = clockOf(deps)();
  let hold: BorrowerHold;
  try {
    hold = await outbox.holdBorrower(first.borrowerId, worker, leaseUntil, at);
  } catch (error) {
    // A borrower deleted since planning: dispatchGroup fails the rows with NOT_FOUND.
    if (!(error instanceof DomainError && error.code === StoreErrorCode.NotFound)) throw error;
    return dispatchGroup(deps, worker, rows, leaseUntil, counts);
  }
  if (!hold.held) {
    const timeZone = (await deps.store.borrowers.byId(first.borrowerId))?.timeZone ?? "UTC";
    const emit = emitter(deps, counts, first.channel, timeZone);
    for (const row of rows) {
      await outbox.reschedule(row.id, hold.until, [BORROWER_BUSY]);
      emit(row, "deferred", row.kind, [BORROWER_BUSY], { until: hold.until });
    }
    return;
  }
  try {
    await dispatchGroup(deps, worker, rows, leaseUntil, counts);
  } finally {
    await outbox.releaseBorrower(first.borrowerId, worker);
  }
}

/** Another dispatcher is sending to this borrower right now. */
const BORROWER_BUSY = "BORROWER_BUSY";

function clockOf(deps: DispatcherDeps): () => string {
  return deps.clock ?? (() => new Date().toISOString());
}

/** Counts each row's outcome and reports it, at the moment it happens, on the borrower's clock. */
function emitter(deps: DispatcherDeps, counts: Counts, channel: Channel, timeZone: string): Emit {
  const clock = clockOf(deps);
  return (row, decision, kind, reasons, extra = {}) => {
    counts[decision]++;
    const when = clock();
    deps.onDecision?.({
      at: when,
      local: localInstant(when, timeZone),
      borrowerId: row.borrowerId,
      loanId: row.loanId ?? "",
      channel,
      kind,
      decision,
      reasons,
      stage: "dispatch",
      nudgeId: row.id,
      ...extra,
    });
  };
}

/**
 * Claims come in (plannedFor, borrower, id) order, so a full batch can only have cut off the
 * last borrower's rows: hand those back (nothing was sent) to go whole, as one message, next tick.
 */
async function releaseSplitBorrower(
  deps: DispatcherDeps,
  rows: readonly NudgeRow[],
  batchSize: number,
): Promise<readonly NudgeRow[]> {
  const last = rows.at(-1);
  if (rows.length < batchSize || !last) return rows;
  const cut = (row: NudgeRow) =>
    row.borrowerId === last.borrowerId && row.plannedFor === last.plannedFor;
  if (rows.every(cut)) return rows;
  for (const row of rows.filter(cut))
    await deps.store.outbox.reschedule(row.id, row.plannedFor, []);
  return rows.filter((row) => !cut(row));
}

async function dispatchGroup(
  deps: DispatcherDeps,
  worker: string,
  rows: readonly NudgeRow[],
  leaseUntil: string,
  counts: Counts,
): Promise<void> {
  const { store, profile } = deps;
  const { outbox } = store;
  const clock = clockOf(deps);
  const first = rows[0] as NudgeRow;
  const channel = first.channel;
  const at = clock();
  const loaded = await loadBorrowerContext(store, first.borrowerId, at, deps.channels ?? [channel]);
  // The rows in hand are "in flight" in the borrower's contacts: they must not count against
  // themselves, so the claim's own message leaves the history.
  const inHand = first.claimedAt ? claimMessageId(worker, first.claimedAt) : undefined;
  const context = loaded && {
    ...loaded,
    history: loaded.history.filter((record) => record.messageId !== inHand),
  };
  const emit = emitter(deps, counts, channel, context?.borrower.timeZone ?? "UTC");
  const fail = async (targets: readonly NudgeRow[], error: string, reasons: readonly string[]) => {
    for (const row of targets) {
      await outbox.markFailed(row.id, error, clock());
      emit(row, "failed", row.kind, reasons);
    }
  };
  if (!context) return fail(rows, "borrower not found", ["NOT_FOUND"]);

  const due = await recheck(deps, context, rows, at, emit);
  if (due.length === 0) return;
  const sendRows = due.map((d) => d.row);
  const today = due[0]?.today as string;
  const found = nudgeFacts({
    borrower: context.borrower,
    loans: due,
    promises: context.promises,
    today,
    at,
    promiseGraceDays: profile.promiseGraceDays,
    lenderName: deps.lenderName,
    ...(deps.payLink ? { payLink: deps.payLink } : {}),
  });
  if (!found) {
    for (const { row } of due) {
      await outbox.markSuppressed(row.id, ["NOTHING_DUE"], clock());
      emit(row, "suppressed", row.kind, ["NOTHING_DUE"]);
    }
    return;
  }
  const templates = deps.templates ?? nudgeTemplates;
  const scored = deps.toneFromScore === false ? { ...found, toneFromScore: false } : found;
  const facts = (await mayInvite(deps, templates, found, context.borrower.id, at))
    ? { ...scored, learnInvite: true }
    : scored;
  const rendered = (deps.render ?? ((f: NudgeFacts) => renderNudge(f, templates)))(facts);
  const sender = deps.senders[channel];
  if (!sender) return fail(sendRows, `no sender for channel ${channel}`, ["NO_SENDER"]);
  const wording = await wordNudge(deps, rendered.text, facts);
  const said = wording?.text ?? rendered.text;
  const worded = deps.formats?.[channel]?.(said, facts) ?? said;
  const text = deps.tagText ? deps.tagText(worded, sendRows) : worded;

  const marginMs = Math.min(5_000, ((deps.leaseSeconds ?? 120) * 1000) / 10);
  const guarded = inFlightSender(sender, sendRows, {
    outbox,
    worker,
    clock,
    ...(deps.sendSlot ? { sendSlot: deps.sendSlot } : {}),
  });
  const outcome = await sendWithRetry(
    guarded,
    { channel, borrowerId: context.borrower.id, text, facts },
    {
      maxAttempts: deps.maxAttempts ?? 3,
      backoffMs: deps.backoffMs ?? 500,
      sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      mayTry: () => Date.parse(clock()) < Date.parse(leaseUntil) - marginMs,
    },
  );
  if (outcome.ok) {
    const sentAt = clock();
    for (const row of sendRows) await outbox.markSent(row.id, outcome.providerMessageId, sentAt);
    if (rendered.invited) await recordLearnInvite(store.audit, context.borrower.id, sentAt);
    await store.conversation.append({
      borrowerId: context.borrower.id,
      channel,
      direction: "outbound",
      text: worded,
      at: sentAt,
      author: "nudger",
    });
    if (wording) {
      const loanIds = sendRows.flatMap((row) => (row.loanId ? [row.loanId] : []));
      await auditWording(store, loanIds, wording, rendered.text, sentAt);
    }
    const said = wording
      ? {
          wording: wording.source,
          ...(wording.rejectedBecause ? { rejectedBecause: wording.rejectedBecause } : {}),
        }
      : {};
    const { score, scoreGrade } = facts.history;
    const tone = {
      tone: rendered.tone,
      segment: rendered.segment,
      ...(score !== undefined ? { score } : {}),
      ...(scoreGrade !== undefined ? { scoreGrade } : {}),
    };
    for (const { row } of due)
      emit(row, "sent", facts.kind, [], { text: worded, ...said, ...tone });
    return;
  }
  if (outcome.error.reason === LEASE_LOST) {
    // Not this worker's rows any more: whoever holds them now settles them.
    for (const row of sendRows) emit(row, "deferred", row.kind, [LEASE_LOST]);
    return;
  }
  await settleFailure(deps, context, sendRows, outcome.error, outcome.attempts, clock, emit);
}

/**
 * Whether this nudge carries the lesson invitation: only when the borrower's templates have an
 * invitation line (a custom `render` may have one) is the audit log read for the last one sent.
 */
async function mayInvite(
  deps: DispatcherDeps,
  templates: NudgeTemplates,
  facts: NudgeFacts,
  borrowerId: string,
  at: string,
): Promise<boolean> {
  const line = templates[facts.locale]?.learnInvite.trim() ?? "";
  if (deps.render === undefined && line === "") return false;
  return learnInviteDue(deps.store.audit, borrowerId, at);
}
