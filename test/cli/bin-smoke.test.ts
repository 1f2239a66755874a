// The installed `repay` binary end to end, in its own process: the other CLI tests run it in-process.
import { describe, expect, test } from "vitest";
import { usdTerms } from "../helpers/builders.ts";
import { spawnRepay } from "./spawn-repay.ts";

describe.concurrent("bin/repay.js in a process of its own", () => {
  test("Should read JSON on stdin, print one JSON line and exit 0", async () => {
    const { code, stdout, stderr } = await spawnRepay(["schedule"], usdTerms());
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.trim().split("\n")).toHaveLength(1);
    expect(JSON.parse(stdout).installments).toHaveLength(12);
  });

  test("Should exit 1 with one stderr line and nothing on stdout for bad input", async () => {
    const { code, stdout, stderr } = await spawnRepay(["state"], '{"loan": ');
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: input is not valid JSON \(.*\)\n$/);
  });
});
