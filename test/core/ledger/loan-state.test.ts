// Loan state as of a date: worked examples whose figures are derived by hand in the comments.
import { describe, expect, it } from "vitest";
import { interestPrincipalFees } from "../../../core/allocation/strategies.ts";
import { loanStateAsOf } from "../../../core/ledger/loan-state-as-of.ts";
import { formatMoney } from "../../../core/money/decimal.ts";
import {
  loanOf,
  payEveryInstallmentOnTime,
  payment,
  standardLateFee,
  usd,
} from "../../helpers/loans.ts";

// The loan in these examples: 1200.00 USD, 12.99%, 12 monthly annuity installments of 107.18
// (P·r/(1−(1+r)^−12) with r = 0.1299/12 = 0.010825 gives 107.1757…, rounded half-up).
// Installment 1: interest 1200.00 × 0.010825 = 12.99, principal 107.18 − 12.99 = 94.19.
// Installment 2: interest 1105.81 × 0.010825 = 11.9704 → 11.97, principal 95.21.
const loan = loanOf({}, { lateFee: standardLateFee });
const late = [payment("2026-03-20", usd("50.00"))];

describe("loan state of a late borrower (worked example)", () => {
  const state = loanStateAsOf(loan, late, "2026-04-01");

  it("charges one late fee per installment after the grace days: 15.00 + 5% of 107.18 = 20.36", () => {
    expect(formatMoney(state.installments[0]!.due.penalties)).toBe("20.36");
    expect(formatMoney(state.installments[1]!.due.penalties)).toBe("20.36");
    expect(formatMoney(state.installments[2]!.due.penalties)).toBe("0.00");
  });

  it("allocates the 50.00 payment to penalties, then interest, then principal of the oldest installment", () => {
    const first = state.installments[0]!;
    // 50.00 = 20.36 penalty + 12.99 interest + 16.65 principal
    expect(formatMoney(first.paid.penalties)).toBe("20.36");
    expect(formatMoney(first.paid.interest)).toBe("12.99");
    expect(formatMoney(first.paid.principal)).toBe("16.65");
    expect(first.status).toBe("overdue");
  });

  it("counts days past due from the oldest unpaid installment: Feb 15 to Apr 1 is 45 days", () => {
    expect(state.daysPastDue).toBe(45);
    expect(state.bucket).toBe("31-60");
  });

  it("reports overdue by component: 77.54 + 95.21 principal, 11.97 interest, 20.36 penalties", () => {
    expect(formatMoney(state.overdue.principal)).toBe("172.75");
    expect(formatMoney(state.overdue.interest)).toBe("11.97");
    expect(formatMoney(state.overdue.penalties)).toBe("20.36");
    expect(formatMoney(state.overdue.total)).toBe("205.08");
  });

  it("names the next installment due and its amount", () => {
    expect(state.nextDue).toEqual({ date: "2026-04-15", amount: usd("107.18"), n: 3 });
  });

  it("quotes a payoff of principal, due interest, penalties and interest accrued pro rata", () => {
    // 1183.35 principal + 11.97 overdue interest + 20.36 penalties
    // + 10.94 × 17/31 days of the running period (Mar 15 → Apr 15) = 5.999… → 6.00
    expect(formatMoney(state.payoff)).toBe("1221.68");
  });
});

describe("loan state", () => {
  it("is fully paid with zero days past due when every installment is paid on its due date", () => {
    const state = loanStateAsOf(loan, payEveryInstallmentOnTime(loan), "2027-06-01");
    expect(state.paidOff).toBe(true);
    expect(state.daysPastDue).toBe(0);
    expect(state.bucket).toBe("current");
    expect(state.installments.every((i) => i.status === "paid")).toBe(true);
    expect(state.nextDue).toBeUndefined();
    expect(formatMoney(state.payoff)).toBe("0.00");
  });

  it("marks installments due today as due and later ones as future", () => {
    const state = loanStateAsOf(loan, [], "2026-02-15");
    expect(state.installments.map((i) => i.status).slice(0, 3)).toEqual([
      "due",
      "future",
      "future",
    ]);
    expect(state.daysPastDue).toBe(0);
  });

  it("charges no late fee to a payment made within the grace days", () => {
    const state = loanStateAsOf(loan, [payment("2026-02-18", usd("107.18"))], "2026-03-01");
    expect(formatMoney(state.outstanding.penalties)).toBe("0.00");
    expect(state.installments[0]!.status).toBe("paid");
    expect(state.installments[0]!.paidOn).toBe("2026-02-18");
  });

  it("never charges late fees past the per-loan cap of 60.00", () => {
    const state = loanStateAsOf(loan, [], "2026-12-31");
    expect(formatMoney(state.outstanding.penalties)).toBe("60.00");
    // 20.36 + 20.36 + 19.28 (the remainder of the cap) and nothing after
    expect(state.installments.slice(0, 4).map((i) => formatMoney(i.due.penalties))).toEqual([
      "20.36",
      "20.36",
      "19.28",
      "0.00",
    ]);
  });

  it("applies an overpayment to the next installments, next one first, then holds credit", () => {
    const state = loanStateAsOf(loan, [payment("2026-02-15", usd("200.00"))], "2026-02-15");
    expect(state.installments[0]!.status).toBe("paid");
    // 200.00 − 107.18 = 92.82 into installment 2: 11.97 interest, 80.85 principal
    expect(formatMoney(state.installments[1]!.paid.total)).toBe("92.82");
    expect(state.installments[1]!.status).toBe("partial");
    const all = loanStateAsOf(loan, [payment("2026-02-15", usd("5000.00"))], "2026-02-15");
    expect(all.paidOff).toBe(true);
    // 5000.00 is more than the payoff on Feb 15 (1200.00 principal + 12.99 interest due that
    // day), so it settles the loan: unearned future interest is released and the rest,
    // 5000.00 − 1212.99 = 3787.01, is held as credit.
    expect(formatMoney(all.credit)).toBe("3787.01");
  });

  it("lets a waiver forgive penalties", () => {
    const state = loanStateAsOf(
      loan,
      [{ type: "waiver", date: "2026-03-01", amount: usd("20.36") }],
      "2026-03-01",
    );
    expect(formatMoney(state.outstanding.penalties)).toBe("0.00");
  });

  it("adds a fee charge to the next installment due", () => {
    const state = loanStateAsOf(
      loan,
      [{ type: "fee", date: "2026-02-20", amount: usd("5.00") }],
      "2026-02-20",
    );
    expect(formatMoney(state.installments[1]!.due.fees)).toBe("5.00");
  });

  it("rejects a payment in another currency with a coded error", () => {
    expect(() =>
      loanStateAsOf(
        loan,
        [{ type: "payment", date: "2026-02-15", amount: { minor: 100n, currency: "EUR" } }],
        "2026-03-01",
      ),
    ).toThrowError(expect.objectContaining({ code: "CURRENCY_MISMATCH" }));
  });
});

describe("allocation strategies", () => {
  it("interest-principal-fees pays interest and principal before penalties", () => {
    const state = loanStateAsOf(loan, late, "2026-04-01", interestPrincipalFees);
    const first = state.installments[0]!;
    // 50.00 = 12.99 interest + 37.01 principal; the 20.36 penalty stays open
    expect(formatMoney(first.paid.interest)).toBe("12.99");
    expect(formatMoney(first.paid.principal)).toBe("37.01");
    expect(formatMoney(first.paid.penalties)).toBe("0.00");
  });
});

describe("paying off", () => {
  it("settles the loan when the quoted payoff is paid on the quote date", () => {
    const quote = loanStateAsOf(loan, late, "2026-04-01").payoff;
    const settled = loanStateAsOf(loan, [...late, payment("2026-04-01", quote)], "2026-04-01");
    expect(settled.paidOff).toBe(true);
    expect(formatMoney(settled.credit)).toBe("0.00");
    // later due dates change nothing: no interest is left to fall due
    expect(loanStateAsOf(loan, [...late, payment("2026-04-01", quote)], "2027-06-01").paidOff).toBe(
      true,
    );
  });

  it("keeps scheduled interest when a payment falls short of the payoff", () => {
    const quote = loanStateAsOf(loan, late, "2026-04-01").payoff;
    const short = { minor: quote.minor - 1n, currency: "USD" };
    const state = loanStateAsOf(loan, [...late, payment("2026-04-01", short)], "2026-04-01");
    expect(state.paidOff).toBe(false);
  });
});
