// A killed import on PGlite leaves nothing, and a re-run imports each row once.
import { describe } from "vitest";
import { crashSuite, pgliteFolder } from "./import-crash-suite.ts";

describe("a killed import on PGlite", () => {
  crashSuite(pgliteFolder);
});
