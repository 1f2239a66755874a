// Test file order: the few files that take minutes start first, so the two workers finish together.
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * Longest first, as measured (docs/benchmarks.md, "Test suite time"). Without timings from an
 * earlier run (a fresh checkout, CI after `npm ci`) vitest starts the largest files first, and
 * these are small files: one of them starting last left one worker running alone for minutes.
 */
const SLOW_FIRST = [
  "test/import/import-crash.test.ts",
  "test/import/import-crash-postgres.test.ts",
  "test/nudger/crash.test.ts",
  "test/main/start.test.ts",
  "test/scale/cluster.test.ts",
];

function rank(file: TestSpecification): number {
  const index = SLOW_FIRST.findIndex((path) => file.moduleId.endsWith(path));
  return index === -1 ? SLOW_FIRST.length : index;
}

/** vitest's own order (earlier failures and longer files first), with SLOW_FIRST ahead of it. */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // Array sort is stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
