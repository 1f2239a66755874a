// decideWaiver: positive, within the cap, never more than the component owed that day.
import { describe, expect, it } from "vitest";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { decideWaiver } from "../../../core/waivers/index.ts";
import { loanOf, usd } from "../../helpers/loans.ts";

const loan = loanOf();
const fee: Transaction = { type: "fee", date: "2026-02-20", amount: usd("30.00") };
const ask = (amount: string, transactions: readonly Transaction[] = [fee]) =>
  decideWaiver({
    loan,
    transactions,
    today: "2026-03-01",
    amount: usd(amount),
    component: "fees",
    cap: usd("50.00"),
  });

describe("decideWaiver", () => {
  it("Should grant a waiver within the cap and what is owed, with the fees before and after", () => {
    const decided = ask("12.50");
    expect(decided).toMatchObject({
      granted: true,
      waiver: { type: "waiver", date: "2026-03-01", amount: usd("12.50"), component: "fees" },
      before: { outstanding: { fees: usd("30.00") } },
      after: { outstanding: { fees: usd("17.50") } },
    });
  });

  it("Should refuse zero, more than the cap, and more than is owed after earlier waivers", () => {
    expect(ask("0.00")).toEqual({ granted: false, refusal: { code: "WAIVER_NOT_POSITIVE" } });
    expect(ask("50.01")).toEqual({
      granted: false,
      refusal: { code: "WAIVER_OVER_CAP", cap: usd("50.00") },
    });
    const earlier = ask("20.00");
    if (!earlier.granted) throw new Error("the first waiver should be granted");
    expect(ask("10.01", [fee, earlier.waiver])).toEqual({
      granted: false,
      refusal: { code: "WAIVER_OVER_OWED", owed: usd("10.00"), component: "fees" },
    });
  });
});
