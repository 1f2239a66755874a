// The Prisma store on an in-memory PGlite passes the store contract.
import { openDatabase } from "../../prisma/database.ts";
import { storeContract } from "./contract/store-contract.ts";
import { PRISMA_CONTRACT_OPTIONS, prismaHarness } from "./prisma-harness.ts";

storeContract(
  "pglite",
  async () => {
    const db = await openDatabase({ memory: true });
    return prismaHarness(db.prisma, () => db.close());
  },
  PRISMA_CONTRACT_OPTIONS,
);
