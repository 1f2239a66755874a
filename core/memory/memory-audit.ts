// In-memory AuditLog: append-only, read newest first per subject.
import type { AuditEntry, AuditLog } from "../ports/audit.ts";
import { toInstant } from "./instant.ts";
import { toJsonPayload } from "./json-payload.ts";
import { pageLimit } from "./page-limit.ts";

export function memoryAudit(): AuditLog {
  const entries: AuditEntry[] = [];

  return {
    async append(entry) {
      entries.push({
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject,
        payload: toJsonPayload(entry.payload),
        at: toInstant(entry.at, "at"),
      });
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
