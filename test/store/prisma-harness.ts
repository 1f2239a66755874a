// Turns an open Prisma database into a store-contract harness: reset deletes every row.
import type { PrismaClient } from "../../generated/prisma/client.ts";
import { createPrismaStore } from "../../prisma/store/create-prisma-store.ts";
import type { ContractOptions, StoreHarness } from "./contract/store-contract.ts";
import { prismaBatchedTurnChecks } from "./prisma-batched-turns.ts";
import { prismaPositionChangeChecks } from "./prisma-position-changes.ts";
import { prismaRowChecks } from "./prisma-rows.ts";

export interface PrismaHarness extends StoreHarness {
  readonly prisma: PrismaClient;
}

/**
 * Reset deletes rather than truncates (TRUNCATE takes ~150 ms a time on PGlite). Loans go
 * first (they restrict deleting their borrower); the rest cascades, but for decisions, which
 * keep no foreign key. The audit log refuses
 * DELETE, and its tests use subjects of their own, so it is left alone.
 */
export function prismaHarness(prisma: PrismaClient, close: () => Promise<void>): PrismaHarness {
  return {
    prisma,
    store: createPrismaStore(prisma),
    async reset() {
      await prisma.$transaction([
        prisma.loan.deleteMany(),
        prisma.borrower.deleteMany(),
        prisma.nudgeDecision.deleteMany(),
        prisma.portfolioDay.deleteMany(),
        prisma.portfolioDate.deleteMany(),
        prisma.portfolioRoll.deleteMany(),
        prisma.positionChange.deleteMany(),
        prisma.paymentDay.deleteMany(),
      ]);
    },
    teardown: close,
  };
}

/** What every Prisma backend runs beyond the contract, and what it cannot store yet. */
export const PRISMA_CONTRACT_OPTIONS: ContractOptions<PrismaHarness> = {
  extra: (harness) => {
    prismaRowChecks(harness);
    prismaBatchedTurnChecks(harness);
    prismaPositionChangeChecks(harness);
  },
};
