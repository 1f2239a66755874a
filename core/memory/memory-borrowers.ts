// In-memory BorrowerStore: unique external refs, upserts that report what they changed.
import type { Borrower, BorrowerStore } from "../ports/borrowers.ts";
import { borrowerMatches, borrowerQuery, compareBorrowers } from "../store/borrower-search.ts";
import { borrowerFrom, givenFlags, sameBorrower } from "../store/canonical-borrower.ts";
import { pageLimit } from "../store/page-limit.ts";
import { assertUniqueRefs } from "../store/unique-refs.ts";
import { type MemoryContext, requireBorrower } from "./memory-context.ts";

export function memoryBorrowers(context: MemoryContext): BorrowerStore {
  const { borrowers } = context;
  const idByRef = new Map<string, string>();

  const store: BorrowerStore = {
    async upsert(input) {
      const id = idByRef.get(input.externalRef);
      const current = id === undefined ? undefined : borrowers.get(id);
      if (!current) {
        const borrower = borrowerFrom(context.ids(), input);
        borrowers.set(borrower.id, borrower);
        idByRef.set(borrower.externalRef, borrower.id);
        return { borrower, change: "created" };
      }
      const next = borrowerFrom(current.id, input, current);
      if (sameBorrower(current, next)) return { borrower: current, change: "unchanged" };
      borrowers.set(next.id, next);
      return { borrower: next, change: "updated", before: current };
    },

    async upsertMany(inputs) {
      assertUniqueRefs("borrower", inputs);
      const results = [];
      for (const input of inputs) results.push(await store.upsert(input));
      return results;
    },

    async byId(id) {
      return borrowers.get(id);
    },

    async byIds(ids) {
      const found = new Map<string, Borrower>();
      for (const id of ids) {
        const borrower = borrowers.get(id);
        if (borrower) found.set(id, borrower);
      }
      return found;
    },

    async byRef(externalRef) {
      const id = idByRef.get(externalRef);
      return id === undefined ? undefined : borrowers.get(id);
    },

    async search(query, limit) {
      const take = pageLimit(limit);
      const parsed = borrowerQuery(query);
      if (!parsed) return [];
      return [...borrowers.values()]
        .filter((borrower) => borrowerMatches(borrower, parsed))
        .sort(compareBorrowers)
        .slice(0, take);
    },

    async setFlags(id, flags) {
      const current = requireBorrower(context, id);
      const next: Borrower = { ...current, flags: { ...current.flags, ...givenFlags(flags) } };
      borrowers.set(id, next);
      return next;
    },
  };
  return store;
}
