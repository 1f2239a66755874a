// Test runner settings: every *.test.ts under test/, generous timeouts for database suites, a fresh dist/.
import { defineConfig } from "vitest/config";
import { SlowFirstSequencer } from "./test/helpers/slow-first-sequencer.ts";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two test files at a time: most suites wait on databases, child processes and sockets,
    // so two share two cores well (one worker left the second core idle half the run).
    maxWorkers: 2,
    // Each worker runs its files one after another in one module graph: Prisma's client, the
    // schema engine's wasm and PGlite load once per worker, not once per file (a process per
    // file cost about half a second to start and seconds of imports). A test file's own code
    // runs afresh; the modules it imports are shared with the files run before it, so a helper
    // registers hooks inside the function a test file calls (test/import/import-crash-suite.ts)
    // and a test puts back what it changes in process.env.
    isolate: false,
    // The files that take minutes first: vitest would start them last (they are small files).
    sequence: { sequencer: SlowFirstSequencer },
    // Tests spawn bin/repay.js, which runs the compiled build: rebuilt first when stale.
    globalSetup: ["test/helpers/fresh-build.ts"],
  },
});
