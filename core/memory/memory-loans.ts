// In-memory LoanStore: unique external refs, the contractual schedule regenerated on new terms.
import type { LoanStore, StoredLoan } from "../ports/loans.ts";
import type { TransactionStore } from "../ports/transactions.ts";
import { generateSchedule } from "../schedule/generate-schedule.ts";
import { canonicalLoanInput, sameLoan, sameTerms } from "../store/canonical-loan.ts";
import { toInstant } from "../store/instant.ts";
import { byKeyThenId } from "../store/key-then-id.ts";
import { nextNudgesById } from "../store/next-nudges-by-id.ts";
import { pageLimit } from "../store/page-limit.ts";
import { assertUniqueRefs } from "../store/unique-refs.ts";
import { type MemoryContext, requireBorrower, requireLoan } from "./memory-context.ts";

/** `transactions` answers forBorrowerWithTransactions' transactions, as the store lists them. */
export function memoryLoans(
  context: MemoryContext,
  transactions: Pick<TransactionStore, "forLoans">,
): LoanStore {
  const { loans } = context;
  const idByRef = new Map<string, string>();
  const byNudgeTime = byKeyThenId<StoredLoan>((loan) => loan.nextNudgeAt ?? "");

  function save(loan: StoredLoan): StoredLoan {
    loans.set(loan.id, loan);
    idByRef.set(loan.externalRef, loan.id);
    return loan;
  }

  const store: LoanStore = {
    async upsert(input) {
      const next = canonicalLoanInput(input);
      requireBorrower(context, next.borrowerId);
      const id = idByRef.get(next.externalRef);
      const current = id === undefined ? undefined : loans.get(id);
      if (!current) {
        const schedule = generateSchedule(next.terms);
        const loan = save({
          ...next,
          id: context.ids(),
          status: next.status ?? "active",
          schedule,
        });
        return { loan, change: "created" };
      }
      if (sameLoan(current, next)) return { loan: current, change: "unchanged" };
      const schedule = sameTerms(current.terms, next.terms)
        ? current.schedule
        : generateSchedule(next.terms);
      const { nextNudgeAt } = current;
      const loan = save({
        ...next,
        id: current.id,
        status: next.status ?? current.status,
        schedule,
        ...(nextNudgeAt ? { nextNudgeAt } : {}),
      });
      return { loan, change: "updated" };
    },

    async upsertMany(inputs) {
      assertUniqueRefs("loan", inputs);
      const results = [];
      for (const input of inputs) results.push(await store.upsert(input));
      return results;
    },

    async byId(id) {
      return loans.get(id);
    },

    async byRef(externalRef) {
      const id = idByRef.get(externalRef);
      return id === undefined ? undefined : loans.get(id);
    },

    async byRefs(externalRefs) {
      const found = new Map<string, StoredLoan>();
      for (const ref of externalRefs) {
        const id = idByRef.get(ref);
        const loan = id === undefined ? undefined : loans.get(id);
        if (loan) found.set(ref, loan);
      }
      return found;
    },

    async borrowerIdsByRef(externalRefs) {
      const found = new Map<string, string>();
      for (const ref of externalRefs) {
        const id = idByRef.get(ref);
        const loan = id === undefined ? undefined : loans.get(id);
        if (loan) found.set(ref, loan.borrowerId);
      }
      return found;
    },

    async forBorrower(borrowerId) {
      return [...loans.values()]
        .filter((loan) => loan.borrowerId === borrowerId)
        .sort(byKeyThenId((loan) => loan.externalRef));
    },

    async forBorrowerWithTransactions(borrowerId, status) {
      const found = (await store.forBorrower(borrowerId)).filter(
        (loan) => status === undefined || loan.status === status,
      );
      if (found.length === 0) return [];
      const byLoan = await transactions.forLoans(found.map((loan) => loan.id));
      return found.map((loan) => ({ loan, transactions: byLoan.get(loan.id) ?? [] }));
    },

    async setStatus(id, status) {
      save({ ...requireLoan(context, id), status });
    },

    async setNextNudgeAt(id, at) {
      const { nextNudgeAt: _previous, ...loan } = requireLoan(context, id);
      save(at === undefined ? loan : { ...loan, nextNudgeAt: toInstant(at, "nextNudgeAt") });
    },

    async setNextNudgeAtMany(entries) {
      const next = nextNudgesById(entries);
      let updated = 0;
      for (const [id, at] of next) {
        const current = loans.get(id);
        if (!current) continue;
        const { nextNudgeAt: _previous, ...loan } = current;
        save(at === undefined ? loan : { ...loan, nextNudgeAt: at });
        updated += 1;
      }
      return updated;
    },

    async withoutNextNudge(limit) {
      return [...loans.values()]
        .filter((loan) => loan.status === "active" && loan.nextNudgeAt === undefined)
        .map((loan) => loan.id)
        .sort()
        .slice(0, pageLimit(limit));
    },

    async listActive(limit, afterId) {
      return [...loans.values()]
        .filter((loan) => loan.status === "active" && (afterId === undefined || loan.id > afterId))
        .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, pageLimit(limit));
    },

    async dueForNudge(now, limit, after) {
      const until = toInstant(now, "now");
      const cursor = after && { at: toInstant(after.at, "after.at"), id: after.id };
      return [...loans.values()]
        .filter((loan) => loan.nextNudgeAt !== undefined && loan.nextNudgeAt <= until)
        .filter(
          (loan) =>
            !cursor ||
            (loan.nextNudgeAt as string) > cursor.at ||
            (loan.nextNudgeAt === cursor.at && loan.id > cursor.id),
        )
        .sort(byNudgeTime)
        .slice(0, pageLimit(limit));
    },
  };
  return store;
}
