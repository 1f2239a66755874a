// `repay --help` and each subcommand's help: exit 0 and describe the JSON contract.
import { describe, expect, test } from "vitest";
import { repay } from "./run-repay.ts";

describe("repay help", () => {
  test("Should list the loan-math subcommands and exit 0", async () => {
    const { code, stdout } = await repay(["--help"]);
    expect(code).toBe(0);
    for (const command of ["schedule", "state", "plans"]) expect(stdout).toContain(command);
  });

  test.each([
    { command: "schedule", mentions: ["annualRate", "termCount", "equal-principal"] },
    { command: "state", mentions: ["transactions", "asOf", "lateFee", "rescheduled"] },
    { command: "plans", mentions: ["--accept", "affordable", "maxTermCount"] },
  ])(
    "Should explain `repay $command` input and output and exit 0",
    async ({ command, mentions }) => {
      const { code, stdout, stderr } = await repay([command, "--help"]);
      expect(code).toBe(0);
      expect(stderr).toBe("");
      for (const word of mentions) expect(stdout).toContain(word);
    },
  );
});
