// The Prisma store on PostgreSQL passes the store contract, in a database of its own.
import { openDatabase } from "../../prisma/database.ts";
import {
  createThrowawayDatabase,
  describeWithPostgres,
  POSTGRES_SKIP_REASON,
  TEST_POSTGRES_URL,
} from "../helpers/postgres.ts";
import { storeContract } from "./contract/store-contract.ts";
import { PRISMA_CONTRACT_OPTIONS, prismaHarness } from "./prisma-harness.ts";

if (!TEST_POSTGRES_URL) console.info(`PostgreSQL store contract ${POSTGRES_SKIP_REASON}`);

describeWithPostgres("postgres", () => {
  storeContract(
    "postgres",
    async () => {
      // Unreachable server: this throws, and every test of the file fails.
      const database = await createThrowawayDatabase("repay_store");
      try {
        const db = await openDatabase({ url: database.url });
        return prismaHarness(db.prisma, async () => {
          await db.close();
          await database.drop();
        });
      } catch (error) {
        await database.drop();
        throw error;
      }
    },
    PRISMA_CONTRACT_OPTIONS,
  );
});
