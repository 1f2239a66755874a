// In-memory Outbox: one row per dedupe key; a claimed row is never handed out again.
import type { NudgeRow, Outbox } from "../ports/outbox.ts";
import { groupById } from "../store/group-by-id.ts";
import { toInstant } from "../store/instant.ts";
import { byKeyThenId } from "../store/key-then-id.ts";
import { LEASE_EXPIRED, mayHaveReachedBorrower, mergeReasonCodes } from "../store/outbox-rules.ts";
import { pageLimit } from "../store/page-limit.ts";
import { notFound } from "../store/store-errors.ts";
import { type MemoryContext, requireBorrower, requireLoan } from "./memory-context.ts";

type Row = { -readonly [K in keyof NudgeRow]: NudgeRow[K] };

export function memoryOutbox(context: MemoryContext): Outbox {
  const rows = new Map<string, Row>();
  const idByKey = new Map<string, string>();
  const holds = new Map<string, { worker: string; until: string }>();

  function row(id: string): Row {
    const found = rows.get(id);
    if (!found) throw notFound("nudge", id);
    return found;
  }

  /** Copies, so callers never hold a live row. */
  function view(found: Row): NudgeRow {
    return { ...found, reasonCodes: [...found.reasonCodes] };
  }

  /** Planned rows due at `now`; a borrower's rows due at one instant adjacent (sent as one). */
  function dueAt(now: string): Row[] {
    const at = toInstant(now, "now");
    return [...rows.values()]
      .filter((candidate) => candidate.status === "planned" && candidate.plannedFor <= at)
      .sort(byKeyThenId((candidate) => `${candidate.plannedFor} ${candidate.borrowerId}`));
  }

  function claim(due: Row[], now: string, worker: string, leaseUntil: string): NudgeRow[] {
    const at = toInstant(now, "now");
    const until = toInstant(leaseUntil, "leaseUntil");
    for (const claimed of due) {
      claimed.status = "claimed";
      claimed.claimedBy = worker;
      claimed.claimedUntil = until;
      claimed.claimedAt = at;
      claimed.attempts += 1;
    }
    return due.map(view);
  }

  /** Contact rows (see Outbox.contactsSince) of these borrowers, oldest first. */
  function contactsOf(borrowerIds: ReadonlySet<string>, since: string): NudgeRow[] {
    const from = toInstant(since, "since");
    const contactAt = (found: Row) =>
      found.status === "sent" ? (found.sentAt ?? "") : (found.claimedAt ?? "");
    return [...rows.values()]
      .filter((found) => borrowerIds.has(found.borrowerId))
      .filter((found) => found.status === "sent" || mayHaveReachedBorrower(found))
      .filter((found) => contactAt(found) >= from)
      .sort(byKeyThenId(contactAt))
      .map(view);
  }

  const outbox: Outbox = {
    async plan(nudge) {
      const existing = idByKey.get(nudge.dedupeKey);
      if (existing !== undefined) return { row: view(row(existing)), created: false };
      requireBorrower(context, nudge.borrowerId);
      if (nudge.loanId !== undefined) requireLoan(context, nudge.loanId);
      const created: Row = {
        id: context.ids(),
        dedupeKey: nudge.dedupeKey,
        borrowerId: nudge.borrowerId,
        ...(nudge.loanId !== undefined ? { loanId: nudge.loanId } : {}),
        kind: nudge.kind,
        channel: nudge.channel,
        plannedFor: toInstant(nudge.plannedFor, "plannedFor"),
        reasonCodes: [...nudge.reasonCodes],
        status: "planned",
        attempts: 0,
      };
      rows.set(created.id, created);
      idByKey.set(created.dedupeKey, created.id);
      return { row: view(created), created: true };
    },

    async planMany(nudges) {
      const results = [];
      for (const nudge of nudges) results.push(await outbox.plan(nudge));
      return results;
    },

    async claimDue(now, worker, leaseUntil, limit) {
      return claim(dueAt(now).slice(0, pageLimit(limit)), now, worker, leaseUntil);
    },

    async dueRows(now, limit) {
      return dueAt(now).slice(0, pageLimit(limit)).map(view);
    },

    async claimIds(ids, now, worker, leaseUntil) {
      const wanted = new Set(ids);
      return claim(
        dueAt(now).filter((candidate) => wanted.has(candidate.id)),
        now,
        worker,
        leaseUntil,
      );
    },

    async markSent(id, providerMessageId, at) {
      const found = row(id);
      found.status = "sent";
      found.providerMessageId = providerMessageId;
      found.sentAt = toInstant(at, "at");
    },

    async markFailed(id, error, at) {
      toInstant(at, "at");
      const found = row(id);
      found.status = "failed";
      found.lastError = error;
    },

    async markSuppressed(id, reasonCodes, at) {
      toInstant(at, "at");
      const found = row(id);
      found.status = "suppressed";
      found.reasonCodes = mergeReasonCodes(found.reasonCodes, reasonCodes);
    },

    async reschedule(id, plannedFor, reasonCodes) {
      const found = row(id);
      found.status = "planned";
      found.plannedFor = toInstant(plannedFor, "plannedFor");
      found.reasonCodes = mergeReasonCodes(found.reasonCodes, reasonCodes);
      delete found.claimedBy;
      delete found.claimedUntil;
      delete found.claimedAt;
      delete found.sendStartedAt;
    },

    async markSending(ids, worker, now) {
      const at = toInstant(now, "now");
      const marked: string[] = [];
      for (const id of new Set(ids)) {
        const found = rows.get(id);
        if (found?.status !== "claimed" || found.claimedBy !== worker) continue;
        if ((found.claimedUntil ?? "") <= at) continue;
        found.sendStartedAt = at;
        marked.push(id);
      }
      return marked;
    },

    async expireLeases(now) {
      const at = toInstant(now, "now");
      let expired = 0;
      for (const found of rows.values()) {
        if (found.status !== "claimed" || (found.claimedUntil ?? "") >= at) continue;
        if (found.sendStartedAt === undefined) {
          // Nothing left this dispatcher: another may send it now.
          found.status = "planned";
          delete found.claimedBy;
          delete found.claimedUntil;
          delete found.claimedAt;
        } else {
          found.status = "failed";
          found.lastError = LEASE_EXPIRED;
        }
        expired += 1;
      }
      return expired;
    },

    async byDedupeKey(dedupeKey) {
      const id = idByKey.get(dedupeKey);
      return id === undefined ? undefined : view(row(id));
    },

    async sentSince(borrowerId, since) {
      const from = toInstant(since, "since");
      return [...rows.values()]
        .filter((found) => found.borrowerId === borrowerId && found.status === "sent")
        .filter((found) => (found.sentAt ?? "") >= from)
        .sort(byKeyThenId((found) => found.sentAt ?? ""))
        .map(view);
    },

    async contactsSince(borrowerId, since) {
      return contactsOf(new Set([borrowerId]), since);
    },

    async contactsSinceFor(borrowerIds, since) {
      const found = contactsOf(new Set(borrowerIds), since);
      return groupById(borrowerIds, found, (contact) => contact.borrowerId);
    },

    async holdBorrower(borrowerId, worker, until, now) {
      requireBorrower(context, borrowerId);
      const at = toInstant(now, "now");
      const current = holds.get(borrowerId);
      if (current && current.until > at) return { held: false, until: current.until };
      holds.set(borrowerId, { worker, until: toInstant(until, "until") });
      return { held: true };
    },

    async releaseBorrower(borrowerId, worker) {
      if (holds.get(borrowerId)?.worker === worker) holds.delete(borrowerId);
    },
  };
  return outbox;
}
