// In-memory contact preferences (email, preferred channel, fallback order) and the consent log.
import type {
  ConsentEvent,
  ConsentLog,
  ContactPointStore,
  ContactPreferences,
} from "../ports/contact-points.ts";
import { groupById } from "../store/group-by-id.ts";
import { toInstant } from "../store/instant.ts";
import { byKeyThenId } from "../store/key-then-id.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";

export function memoryContactPoints(context: MemoryContext): ContactPointStore {
  const rows = new Map<string, ContactPreferences>();
  // A borrower gone (never, in memory) would take their row: only live borrowers answer.
  const live = (id: string) => (context.borrowers.has(id) ? rows.get(id) : undefined);
  return {
    async get(borrowerId) {
      return live(borrowerId);
    },
    async forBorrowers(borrowerIds) {
      const found = new Map<string, ContactPreferences>();
      for (const id of borrowerIds) {
        const row = live(id);
        if (row) found.set(id, row);
      }
      return found;
    },
    async set(borrowerId, input) {
      requireBorrower(context, borrowerId);
      const current = rows.get(borrowerId);
      const email = input.email === undefined ? current?.email : (input.email ?? undefined);
      const preferred =
        input.preferredChannel === undefined
          ? current?.preferredChannel
          : (input.preferredChannel ?? undefined);
      const next: ContactPreferences = {
        borrowerId,
        ...(email !== undefined ? { email } : {}),
        ...(preferred !== undefined ? { preferredChannel: preferred } : {}),
        fallbackOrder: [...(input.fallbackOrder ?? current?.fallbackOrder ?? [])],
      };
      rows.set(borrowerId, next);
      return next;
    },
    async borrowersByPhone(phone) {
      return [...context.borrowers.values()]
        .filter((borrower) => borrower.phone === phone)
        .map((borrower) => borrower.id)
        .sort();
    },
  };
}

export function memoryConsentLog(context: MemoryContext): ConsentLog {
  const events: ConsentEvent[] = [];
  const order = byKeyThenId<ConsentEvent>((event) => event.at);
  const of = (ids: ReadonlySet<string>) =>
    events.filter((event) => ids.has(event.borrowerId)).sort(order);
  return {
    async append(input) {
      requireBorrower(context, input.borrowerId);
      const event: ConsentEvent = { ...input, id: context.ids(), at: toInstant(input.at, "at") };
      events.push(event);
      return event;
    },
    async forBorrower(borrowerId) {
      return of(new Set([borrowerId]));
    },
    async forBorrowers(borrowerIds) {
      return groupById(borrowerIds, of(new Set(borrowerIds)), (event) => event.borrowerId);
    },
  };
}
