// A killed import on PostgreSQL leaves nothing, and a re-run imports each row once.
import { describeWithPostgres } from "../helpers/postgres.ts";
import { crashSuite, postgresDatabase } from "./import-crash-suite.ts";

describeWithPostgres("a killed import on PostgreSQL", () => {
  crashSuite(postgresDatabase);
});
