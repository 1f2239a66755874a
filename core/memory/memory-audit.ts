// In-memory AuditLog: append-only, read newest first per subject.
import type { AuditEntry, AuditLog } from "../ports/audit.ts";
import { toInstant } from "../store/instant.ts";
import { toJsonPayload } from "../store/json-payload.ts";
import { pageLimit } from "../store/page-limit.ts";

/** The in-memory log, plus a synchronous append other memory stores use inside one atomic step. */
export interface MemoryAuditLog extends AuditLog {
  /** The entry as `append` would store it; throws on a bad instant or payload, storing nothing. */
  prepare(entry: AuditEntry): AuditEntry;
  /** Appends an entry `prepare` returned. */
  appendPrepared(entry: AuditEntry): void;
}

export function memoryAudit(): MemoryAuditLog {
  const entries: AuditEntry[] = [];
  const prepare = (entry: AuditEntry): AuditEntry => ({
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject,
    payload: toJsonPayload(entry.payload),
    at: toInstant(entry.at, "at"),
  });

  return {
    prepare,
    appendPrepared(entry) {
      entries.push(entry);
    },

    async append(entry) {
      entries.push(prepare(entry));
    },

    async forSubject(subject, limit) {
      // Newest `at` first; among equal instants the later append first.
      return entries
        .map((entry, index) => ({ entry, index }))
        .filter(({ entry }) => entry.subject === subject)
        .sort((a, b) =>
          a.entry.at === b.entry.at ? b.index - a.index : a.entry.at < b.entry.at ? 1 : -1,
        )
        .slice(0, pageLimit(limit))
        .map(({ entry }) => entry);
    },
  };
}
