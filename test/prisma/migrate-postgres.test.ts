// prisma/migrations/ applied to a throwaway database on TEST_POSTGRES_URL through the wasm engine.
import pg from "pg";
import { createThrowawayDatabase, describeWithPostgres } from "../helpers/postgres.ts";
import { migrationContract } from "./migration-contract.ts";

migrationContract(
  "PostgreSQL",
  async () => {
    const database = await createThrowawayDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    return {
      target: { url: database.url },
      sql: async (text) => (await client.query(text)).rows,
      async close() {
        await client.end();
        await database.drop();
      },
    };
  },
  describeWithPostgres,
);
