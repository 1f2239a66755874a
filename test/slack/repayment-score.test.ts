// The repayment-behaviour score: on-time history, worst delinquency and promises, each with its reason.
import { describe, expect, it } from "vitest";
import { maskDigits, maskPhone } from "../../bots/slack/mask.ts";
import { repaymentScore } from "../../bots/slack/repayment-score.ts";
import { loanStateAsOf } from "../../core/ledger/index.ts";
import { money } from "../../core/money/index.ts";
import { loanOf, payEveryInstallmentOnTime, payment } from "../helpers/loans.ts";

describe("repaymentScore", () => {
  it("Should give 100 to a borrower who paid every installment on its due date", () => {
    const loan = loanOf();
    const state = loanStateAsOf(loan, payEveryInstallmentOnTime(loan).slice(0, 3), "2026-05-01");
    const score = repaymentScore({
      asOf: "2026-05-01",
      installments: state.installments,
      promises: [],
    });
    expect(score.score).toBe(100);
    expect(score.reasons[0]).toBe("3 of 3 installments paid on time (100%)");
  });

  it("Should lower the score for missed installments, long delinquency and broken promises, saying why", () => {
    const loan = loanOf();
    const state = loanStateAsOf(loan, [payment("2026-03-01", money(10_000n, "USD"))], "2026-04-01");
    const score = repaymentScore({
      asOf: "2026-04-01",
      installments: state.installments,
      promises: [{ status: "kept" }, { status: "broken" }, { status: "broken" }],
    });
    expect(score.onTimeRatio).toBe(0);
    expect(score.longestDelinquencyDays).toBe(45);
    expect(score.grade).toBe("poor");
    expect(score.reasons).toEqual([
      "0 of 2 installments paid on time (0%)",
      "longest delinquency 45 days",
      "promises: 1 kept, 2 broken",
    ]);
    expect(score.score).toBe(Math.round(0 + 25 * (1 - 45 / 90) + 15 / 3));
  });
});

describe("masking", () => {
  it("Should keep only the country code and last four digits of a phone", () => {
    expect(maskPhone("+12125550101")).toBe("+1 •••• •••0101");
    expect(maskPhone("+8613800138000")).toBe("+86 •••• •••8000");
    expect(maskPhone("+447700900123")).toBe("+44 •••• •••0123");
    expect(maskPhone(undefined)).toBe("—");
  });

  it("Should hide long digit runs in free text", () => {
    expect(maskDigits("call me on +1 212 555 0101 or card 4111111111111111")).toBe(
      "call me on •••0101 or card •••1111",
    );
    expect(maskDigits("I'll pay 200 on Friday")).toBe("I'll pay 200 on Friday");
  });
});
