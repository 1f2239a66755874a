// Terms that break a rule are rejected with INVALID_TERMS naming the field.
import { describe, expect, it } from "vitest";
import { money } from "../../../core/money/money.ts";
import { rate } from "../../../core/money/rate.ts";
import { generateSchedule, type LoanTerms } from "../../../core/schedule/index.ts";
import { loanTerms } from "./builders.ts";

function rejection(terms: LoanTerms) {
  try {
    generateSchedule(terms);
  } catch (error) {
    const { code, details } = error as { code: string; details: { field: string } };
    return { code, field: details.field };
  }
  throw new Error("expected the terms to be rejected");
}

const base = loanTerms();

describe("generateSchedule rejects invalid terms", () => {
  it.each<[string, LoanTerms, string]>([
    ["a zero principal", { ...base, principal: money(0n, "USD") }, "principal"],
    ["a negative principal", { ...base, principal: money(-100n, "USD") }, "principal"],
    ["a negative rate", { ...base, annualRate: rate(-1n, 100n) }, "annualRate"],
    ["zero installments", { ...base, termCount: 0 }, "termCount"],
    ["more than 600 installments", { ...base, termCount: 601 }, "termCount"],
    ["a fractional installment count", { ...base, termCount: 12.5 }, "termCount"],
    ["a negative grace", { ...base, graceOnPrincipal: -1 }, "graceOnPrincipal"],
    ["grace covering every installment", { ...base, graceOnPrincipal: 12 }, "graceOnPrincipal"],
    ["a fractional grace", { ...base, graceOnPrincipal: 1.5 }, "graceOnPrincipal"],
    [
      "a first due date on the disbursement day",
      { ...base, firstDueDate: base.disbursedOn },
      "firstDueDate",
    ],
    [
      "a first due date before disbursement",
      { ...base, firstDueDate: "2025-01-01" },
      "firstDueDate",
    ],
    [
      "a first due date that is not a date",
      { ...base, firstDueDate: "2025-02-30" },
      "firstDueDate",
    ],
    [
      "a disbursement date that is not a date",
      { ...base, disbursedOn: "15/01/2025" },
      "disbursedOn",
    ],
    [
      "an unknown frequency",
      { ...base, frequency: "daily" as LoanTerms["frequency"] },
      "frequency",
    ],
    ["an unknown method", { ...base, method: "balloon" as LoanTerms["method"] }, "method"],
    [
      "an unknown interest method",
      { ...base, interest: "compound" as LoanTerms["interest"] },
      "interest",
    ],
    [
      "an unknown day count",
      { ...base, dayCount: "actual/360" as LoanTerms["dayCount"] },
      "dayCount",
    ],
  ])("rejects %s", (_, terms, field) => {
    expect(rejection(terms)).toEqual({ code: "INVALID_TERMS", field });
  });

  it("accepts the edges: one installment, 600 installments, grace up to termCount − 1, a zero rate", () => {
    expect(generateSchedule({ ...base, termCount: 1 })).toHaveLength(1);
    expect(generateSchedule({ ...base, termCount: 600 })).toHaveLength(600);
    expect(generateSchedule({ ...base, graceOnPrincipal: 11 })).toHaveLength(12);
    expect(generateSchedule({ ...base, annualRate: rate(0n, 1n) })).toHaveLength(12);
  });
});
