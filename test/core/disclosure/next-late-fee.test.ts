// What waiting costs, from the loan's own rules: the next late fee and the interest a month.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../../core/dates/iso-date.ts";
import { loanDisclosure, monthlyInterest, nextLateFee } from "../../../core/disclosure/index.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import {
  loanArbitrary,
  loanOf,
  payment,
  paymentsArbitrary,
  standardLateFee,
  usd,
} from "../../helpers/loans.ts";

// The worked example: 1,200.00 at 12.99%, 12 monthly installments of 107.18 from 2026-02-15;
// late fee 15.00 + 5% of the unpaid installment, 3 grace days, at most 60.00 in all.
const loan = loanOf({}, { lateFee: standardLateFee });
const penalties = (asOf: string, txs = [] as Parameters<typeof loanStateAsOf>[1]) =>
  loanStateAsOf(loan, txs, asOf).installments.reduce((acc, i) => acc + i.due.penalties.minor, 0n);

describe("nextLateFee", () => {
  it("Should name 20.36 on 2026-02-19 for the installment due 2026-02-15, two days late", () => {
    // 15.00 + 5% of 107.18 (5.359, half-up 5.36) on the day after the 3 grace days.
    expect(nextLateFee(loan, [], "2026-02-17")).toEqual({
      kind: "fee",
      amount: usd("20.36"),
      chargedOn: "2026-02-19",
      forDueDate: "2026-02-15",
    });
    expect(penalties("2026-02-19") - penalties("2026-02-18")).toBe(2036n);
  });

  it("Should name what the 60.00 cap leaves (19.28) once two fees of 20.36 are charged", () => {
    expect(nextLateFee(loan, [], "2026-03-20")).toEqual({
      kind: "fee",
      amount: usd("19.28"),
      chargedOn: "2026-04-19",
      forDueDate: "2026-04-15",
    });
  });

  it("Should say no further fees once the cap is reached", () => {
    expect(nextLateFee(loan, [], "2026-05-01")).toEqual({ kind: "none", reason: "CAP_REACHED" });
  });

  it("Should say the loan has no late fees when it has no late-fee terms", () => {
    expect(nextLateFee(loanOf(), [], "2026-03-01")).toEqual({
      kind: "none",
      reason: "NO_LATE_FEES",
    });
  });

  it("Should ignore payments dated after today: the projection assumes nothing more is paid", () => {
    const later = [payment("2026-02-18", usd("107.18"))];
    expect(nextLateFee(loan, later, "2026-02-17")).toEqual(nextLateFee(loan, [], "2026-02-17"));
  });

  it("Should match what the ledger charges when the day comes, and nothing before it", () => {
    fc.assert(
      fc.property(
        loanArbitrary.chain((l) =>
          fc.tuple(fc.constant(l), paymentsArbitrary(l), fc.integer({ min: 0, max: 500 })),
        ),
        ([random, txs, offset]) => {
          const asOf = addDays(random.terms.disbursedOn, offset);
          const known = txs.filter((t) => t.date <= asOf);
          const fee = nextLateFee(random, txs, asOf);
          const total = (date: string) =>
            loanStateAsOf(random, known, date).installments.reduce(
              (acc, i) => acc + i.due.penalties.minor,
              0n,
            );
          if (fee.kind === "none") return;
          expect(total(addDays(fee.chargedOn, -1))).toBe(total(asOf));
          expect(total(fee.chargedOn) - total(asOf)).toBe(fee.amount.minor);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("monthlyInterest", () => {
  it("Should be 12.99 a month on today's principal of 1,200.00 at 12.99% (half-up)", () => {
    const state = loanStateAsOf(loan, [], "2026-02-17");
    expect(monthlyInterest(loan, state)).toMatchObject({
      amount: usd("12.99"),
      balance: usd("1200.00"),
      basis: "outstanding-principal",
    });
  });

  it("Should fall with the principal repaid: 1,105.81 left gives 11.97 (11.9704 half-up)", () => {
    const state = loanStateAsOf(loan, [payment("2026-02-15", usd("107.18"))], "2026-02-20");
    expect(state.outstanding.principal).toEqual(usd("1105.81"));
    expect(monthlyInterest(loan, state)?.amount).toEqual(usd("11.97"));
  });

  it("Should use the principal borrowed on a flat-interest loan", () => {
    const flat = loanOf({ interest: "flat" });
    const state = loanStateAsOf(flat, [payment("2026-02-15", usd("300.00"))], "2026-03-01");
    expect(monthlyInterest(flat, state)).toMatchObject({
      amount: usd("12.99"),
      balance: usd("1200.00"),
      basis: "original-principal",
    });
  });

  it("Should be absent when no interest is left to accrue", () => {
    const state = loanStateAsOf(loan, [], "2027-03-01");
    expect(monthlyInterest(loan, state)).toBeUndefined();
    expect(loanDisclosure(loan, [], state).interest).toBeUndefined();
  });
});
