// Which loan updates mark a position changed (the dashboard recomputes those): every column but the planner's next look.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { givenBorrower, givenLoan } from "../helpers/builders.ts";
import { plannedNudge } from "./contract/fixtures.ts";
import type { StoreHarness } from "./contract/store-contract.ts";

type Harness = StoreHarness & { readonly prisma: PrismaClient };

interface Column {
  readonly name: string;
  readonly type: string;
  readonly udt: string;
}

/** Columns the planner writes on every look: moving them changes no position. */
const NEXT_LOOK = ["next_nudge_at", "updated_at"];

/** An SQL expression giving `column` a value other than the one it holds (`other`: another borrower). */
function changed({ name, type, udt }: Column, other: string): string {
  const column = `"${name}"`;
  if (name === "borrower_id") return `'${other}'`;
  if (type === "character varying") return `CASE WHEN ${column} = 'ZZZ' THEN 'YYY' ELSE 'ZZZ' END`;
  if (type === "text") return `COALESCE(${column}, '') || '1'`;
  if (type === "integer" || type === "bigint") return `COALESCE(${column}, 0) + 1`;
  if (type === "date") return `COALESCE(${column}, DATE '2026-01-01') + 1`;
  if (type.startsWith("timestamp")) return `${column} + INTERVAL '1 second'`;
  if (type === "USER-DEFINED") {
    return `(SELECT v FROM unnest(enum_range(NULL::"${udt}")) v WHERE v <> ${column} LIMIT 1)`;
  }
  throw new Error(`no changed value for loans.${name} of type ${type}: add one here`);
}

async function marked(prisma: PrismaClient, loanId: string): Promise<boolean> {
  return (await prisma.positionChange.count({ where: { loanId } })) > 0;
}

/** Position-change checks for a Prisma-backed harness, inside the contract's describe. */
export function prismaPositionChangeChecks(current: () => Harness): void {
  describe("position changes", () => {
    it("Should not mark a loan changed when the planner only moves its next look", async () => {
      const { prisma, store } = current();
      const loan = await givenLoan(store);
      await prisma.positionChange.deleteMany();

      await store.loans.setNextNudgeAtMany([{ id: loan.id, at: "2026-03-04T15:00:00.000Z" }]);
      await store.planning.writePage(
        [plannedNudge(loan.borrowerId, { loanId: loan.id })],
        [{ id: loan.id, at: "2026-03-05T15:00:00.000Z" }],
      );

      expect(await marked(prisma, loan.id)).toBe(false);
    });

    it("Should mark a loan changed when any column but its next look changes", async () => {
      const { prisma, store } = current();
      const loan = await givenLoan(store);
      const other = await givenBorrower(store);
      const columns = await prisma.$queryRaw<Column[]>`
        SELECT column_name AS name, data_type AS type, udt_name AS udt
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'loans'
        ORDER BY ordinal_position`;
      // The id is how the two versions of a row are matched; a loan's id never changes.
      const compared = columns.filter((c) => c.name !== "id" && !NEXT_LOOK.includes(c.name));
      expect(compared.map((c) => c.name)).toContain("status");

      const unmarked: string[] = [];
      for (const column of compared) {
        await prisma.positionChange.deleteMany();
        await prisma.$executeRawUnsafe(
          `UPDATE loans SET "${column.name}" = ${changed(column, other.id)} WHERE id = $1`,
          loan.id,
        );
        if (!(await marked(prisma, loan.id))) unmarked.push(column.name);
      }
      expect(unmarked).toEqual([]);
    });
  });
}
