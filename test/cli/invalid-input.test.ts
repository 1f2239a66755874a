// Invalid input: exit non-zero, nothing on stdout, one stderr line `error: <field>: <reason>`.
import { describe, expect, test } from "vitest";
import { loanJson, usdTerms } from "../helpers/builders.ts";
import { repay } from "./run-repay.ts";

/** Asserts the CLI's failure contract and returns the one stderr line. */
async function failure(args: string[], input: unknown): Promise<string> {
  const { code, stdout, stderr } = await repay(args, input);
  expect(code).not.toBe(0);
  expect(stdout).toBe("");
  const lines = stderr.split("\n");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe("");
  return lines[0] as string;
}

describe("repay rejects invalid input", () => {
  test("Should reject text that is not JSON", async () => {
    const line = await failure(["schedule"], '{"principal": "1200.00",');
    expect(line).toMatch(/^error: .*not valid JSON/);
  });

  test.each([
    {
      what: "an unknown currency",
      input: usdTerms({ currency: "XYZ" }),
      field: "currency",
    },
    {
      what: "a negative principal",
      input: usdTerms({ principal: "-5.00" }),
      field: "principal",
    },
    { what: "a zero term", input: usdTerms({ termCount: 0 }), field: "termCount" },
    {
      what: "an unknown frequency",
      input: { ...usdTerms(), frequency: "daily" },
      field: "frequency",
    },
    { what: "an unknown method", input: { ...usdTerms(), method: "balloon" }, field: "method" },
    { what: "an unknown field", input: { ...usdTerms(), colour: "red" }, field: "colour" },
    {
      what: "a number where an amount string belongs",
      input: { ...usdTerms(), principal: 1200 },
      field: "principal",
    },
    {
      what: "more decimals than the currency has",
      input: usdTerms({ principal: "1200.001" }),
      field: "principal",
    },
  ])("Should reject $what in `repay schedule`, naming $field", async ({ input, field }) => {
    const line = await failure(["schedule"], input);
    expect(line.startsWith(`error: ${field}: `)).toBe(true);
  });

  test.each([
    {
      what: "a payment amount given as a number",
      input: {
        ...loanJson(),
        transactions: [{ type: "payment", date: "2026-02-15", amount: 50 }],
      },
      field: "transactions.0.amount",
    },
    {
      what: "an unknown field inside the late-fee terms",
      input: { ...loanJson(), loan: { ...usdTerms(), lateFee: { flat: "15.00", bogus: true } } },
      field: "loan.lateFee.bogus",
    },
  ])("Should reject $what in `repay state`, naming $field", async ({ input, field }) => {
    const line = await failure(["state"], input);
    expect(line.startsWith(`error: ${field}: `)).toBe(true);
  });

  test.each([
    { what: "a negative affordable amount", extra: { affordable: "-1" }, field: "affordable" },
    { what: "a zero maxTermCount", extra: { maxTermCount: 0 }, field: "maxTermCount" },
  ])("Should reject $what in `repay plans`, naming $field itself", async ({ extra, field }) => {
    const line = await failure(["plans"], { ...loanJson(), ...extra });
    expect(line).toMatch(new RegExp(`^error: ${field}: `));
  });
});
