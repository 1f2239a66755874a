// What only a database can show: an unchanged re-import writes nothing, a new schedule replaces the old.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { borrowerInput, loanInput } from "../helpers/builders.ts";
import { termsOf } from "../helpers/loans.ts";
import type { StoreHarness } from "./contract/store-contract.ts";

/** Row-level checks for a Prisma-backed harness, inside the contract's describe. */
export function prismaRowChecks(
  current: () => StoreHarness & { readonly prisma: PrismaClient },
): void {
  describe("rows", () => {
    it("Should not touch a borrower or loan row when a re-import changes nothing", async () => {
      const harness = current();
      const { prisma } = harness;
      const { borrower } = await harness.store.borrowers.upsert(borrowerInput());
      const input = loanInput(borrower.id);
      const { loan } = await harness.store.loans.upsert(input);
      const before = await prisma.loan.findUniqueOrThrow({ where: { id: loan.id } });
      const borrowerBefore = await prisma.borrower.findUniqueOrThrow({
        where: { id: borrower.id },
      });
      await new Promise((resolve) => setTimeout(resolve, 5));

      await harness.store.borrowers.upsert({
        ...borrowerInput(),
        externalRef: borrower.externalRef,
      });
      await harness.store.loans.upsert(input);

      const after = await prisma.loan.findUniqueOrThrow({ where: { id: loan.id } });
      const borrowerAfter = await prisma.borrower.findUniqueOrThrow({ where: { id: borrower.id } });
      expect(after.updatedAt).toEqual(before.updatedAt);
      expect(borrowerAfter.updatedAt).toEqual(borrowerBefore.updatedAt);
    });

    it("Should replace the contractual installments when the terms change", async () => {
      const harness = current();
      const { prisma } = harness;
      const { borrower } = await harness.store.borrowers.upsert(borrowerInput());
      const { loan } = await harness.store.loans.upsert(loanInput(borrower.id));
      await harness.store.loans.upsert({ ...loan, terms: termsOf({ termCount: 6 }) });

      const rows = await prisma.installment.findMany({ where: { loanId: loan.id } });
      expect(rows.map((row) => [row.version, row.n]).sort()).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => [1, n]),
      );
    });
  });
}
