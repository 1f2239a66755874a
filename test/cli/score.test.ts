// `repay score`: the "repay state" input plus promises in, the score with its points and reasons out.
import { describe, expect, test } from "vitest";
import { loanInput, paymentJson } from "../helpers/builders.ts";
import { repayJson } from "./run-repay.ts";

// Paid 10 days late and 15.00 short (the late fee took it), then nothing: 45 days late on 04-01.
const lateLoan = {
  ...loanInput({
    lateFee: { flat: "15.00", graceDays: 3 },
    transactions: [paymentJson("2026-02-25", "107.18")],
    asOf: "2026-04-01",
  }),
  promises: [{ status: "kept" }, { status: "broken" }, { status: "open" }],
};

describe("repay score", () => {
  test("Should print the score, grade, reasons and each factor's points by the points table", async () => {
    expect(await repayJson(["score"], lateLoan)).toEqual({
      score: 14,
      grade: "poor",
      reasons: [
        "0 of 2 installments paid on time (0%)",
        "longest delinquency 45 days",
        "promises: 1 kept, 1 broken",
      ],
      factors: [
        { name: "ON_TIME", points: 0, max: 60 },
        { name: "DELINQUENCY", points: 6, max: 25 },
        { name: "PROMISES", points: 8, max: 15 },
      ],
    });
  });
});
