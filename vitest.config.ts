// Test runner settings: every *.test.ts under test/, generous timeouts for database suites, a fresh dist/.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two test files at a time: most suites wait on databases, child processes and sockets,
    // so two share two cores well (one worker left the second core idle half the run).
    maxWorkers: 2,
    // Tests spawn bin/repay.js, which runs the compiled build: rebuilt first when stale.
    globalSetup: ["test/helpers/fresh-build.ts"],
  },
});
