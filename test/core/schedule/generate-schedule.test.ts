// Worked schedules checked against figures computed independently (python3 decimal or by hand).
import { describe, expect, it } from "vitest";
import { parseMoney } from "../../../core/money/decimal.ts";
import {
  generateSchedule,
  type Installment,
  installmentTotal,
  scheduleTotals,
} from "../../../core/schedule/index.ts";
import { loanTerms, minors } from "./builders.ts";

const principals = (schedule: readonly Installment[]) => minors(schedule.map((i) => i.principal));
const interests = (schedule: readonly Installment[]) => minors(schedule.map((i) => i.interest));
const totals = (schedule: readonly Installment[]) => schedule.map(installmentTotal);

describe("generateSchedule: annuity with declining interest", () => {
  it("1200.00 USD at 12.99% for 12 months on 30/360: 11 × 107.18, the last 107.12", () => {
    // python3 decimal: payment 107.1751... -> 107.18; each month interest = balance × 0.1299/12
    // rounded half-up to the cent, principal = 107.18 − interest, the last takes the rest.
    const schedule = generateSchedule(loanTerms({ rate: "0.1299" }));
    expect(interests(schedule)).toEqual([
      1299n,
      1197n,
      1094n,
      990n,
      884n,
      778n,
      670n,
      562n,
      452n,
      341n,
      228n,
      115n,
    ]);
    expect(principals(schedule)).toEqual([
      9419n,
      9521n,
      9624n,
      9728n,
      9834n,
      9940n,
      10048n,
      10156n,
      10266n,
      10377n,
      10490n,
      10597n,
    ]);
    expect(totals(schedule)).toEqual([...Array(11).fill(10718n), 10712n]);
    expect(scheduleTotals(schedule)).toEqual({
      principal: parseMoney("1200.00", "USD"),
      interest: parseMoney("86.10", "USD"),
      total: parseMoney("1286.10", "USD"),
    });
  });

  it("a 100000 USD 30-year mortgage at 6%: 359 × 599.55, then 600.00", () => {
    // Payment 599.55 is the widely published figure; the same python3 decimal simulation
    // (interest half-up each month) leaves 597.01 principal + 2.99 interest for month 360.
    const schedule = generateSchedule(
      loanTerms({ principal: "100000.00", rate: "0.06", termCount: 360 }),
    );
    expect(new Set(totals(schedule).slice(0, -1))).toEqual(new Set([59955n]));
    expect(schedule.at(-1)).toMatchObject({
      n: 360,
      dueDate: "2055-01-15",
      principal: parseMoney("597.01", "USD"),
      interest: parseMoney("2.99", "USD"),
    });
    expect(scheduleTotals(schedule).interest).toEqual(parseMoney("115838.45", "USD"));
  });

  it("whole yen for JPY: 1,000,000 at 15% for 24 months pays 48,487", () => {
    // python3 decimal: payment 48486.648... -> 48487; month 1 interest 1,000,000 × 0.0125 = 12,500.
    const schedule = generateSchedule(
      loanTerms({ principal: "1000000", currency: "JPY", rate: "0.15", termCount: 24 }),
    );
    expect(schedule[0]).toMatchObject({ principal: parseMoney("35987", "JPY") });
    expect(schedule[0]?.interest).toEqual(parseMoney("12500", "JPY"));
    expect(schedule.at(-1)).toMatchObject({
      principal: parseMoney("47882", "JPY"),
      interest: parseMoney("599", "JPY"),
    });
    expect(scheduleTotals(schedule).interest).toEqual(parseMoney("163682", "JPY"));
  });

  it("fils for KWD: 5000.000 at 7.5% for 36 months pays 155.531", () => {
    // python3 decimal: payment 155.53109... -> 155.531; month 1 interest 5000 × 0.075/12 = 31.250.
    const schedule = generateSchedule(
      loanTerms({ principal: "5000.000", currency: "KWD", rate: "0.075", termCount: 36 }),
    );
    expect(totals(schedule).slice(0, -1)).toEqual(Array(35).fill(155531n));
    expect(schedule[0]?.interest).toEqual(parseMoney("31.250", "KWD"));
    expect(schedule.at(-1)).toMatchObject({
      principal: parseMoney("154.568", "KWD"),
      interest: parseMoney("0.966", "KWD"),
    });
    expect(scheduleTotals(schedule).interest).toEqual(parseMoney("599.119", "KWD"));
  });

  it("charges actual days over 365, starting from disbursement for a short first period", () => {
    // 1200.00 at 12%, 3 months, payment sized at 1%/month: 408.03 (1200·0.01·1.01³/(1.01³−1)).
    // Jan 15 -> Feb 1 is 17 days: 1200 × 0.12 × 17/365 = 6.7068 -> 6.71; then 798.68 × 0.12 ×
    // 28/365 = 7.352 -> 7.35; then 398.00 × 0.12 × 31/365 = 4.056 -> 4.06 (by hand).
    const schedule = generateSchedule(
      loanTerms({ termCount: 3, firstDueDate: "2025-02-01", dayCount: "actual/365" }),
    );
    expect(schedule.map((i) => i.dueDate)).toEqual(["2025-02-01", "2025-03-01", "2025-04-01"]);
    expect(interests(schedule)).toEqual([671n, 735n, 406n]);
    expect(principals(schedule)).toEqual([40132n, 40068n, 39800n]);
  });

  it("biweekly on 30/360: 2600.00 at 26% over 26 fortnights pays 114.22", () => {
    // python3 decimal: r = 0.26 × 14/360, payment 114.2215... -> 114.22;
    // first interest 2600 × 0.26 × 14/360 = 26.2889 -> 26.29, principal 87.93.
    const schedule = generateSchedule(
      loanTerms({ principal: "2600.00", rate: "0.26", termCount: 26, frequency: "biweekly" }),
    );
    expect(schedule[0]).toMatchObject({
      dueDate: "2025-01-29",
      principal: parseMoney("87.93", "USD"),
    });
    expect(schedule[0]?.interest).toEqual(parseMoney("26.29", "USD"));
    expect(new Set(totals(schedule).slice(0, -1))).toEqual(new Set([11422n]));
  });

  it("grace on principal: the first installments pay interest only", () => {
    // 1200.00 at 12%, 6 months, 2 of grace: 12.00 interest twice, then a 4-month annuity at 1%:
    // 1200·0.01·1.01⁴/(1.01⁴−1) = 307.5336 -> 307.54 (python3 decimal).
    const schedule = generateSchedule(loanTerms({ termCount: 6, graceOnPrincipal: 2 }));
    expect(principals(schedule)).toEqual([0n, 0n, 29554n, 29850n, 30148n, 30448n]);
    expect(interests(schedule)).toEqual([1200n, 1200n, 1200n, 904n, 606n, 304n]);
    expect(totals(schedule)).toEqual([1200n, 1200n, 30754n, 30754n, 30754n, 30752n]);
  });
});

describe("generateSchedule: equal principal", () => {
  it("repays 1000.00 over 3 months as 333.33, 333.33, 333.34 with interest on the balance", () => {
    // By hand at 1% a month: 1000.00 -> 10.00; 666.67 -> 6.6667 -> 6.67; 333.34 -> 3.3334 -> 3.33.
    const schedule = generateSchedule(
      loanTerms({ principal: "1000.00", termCount: 3, method: "equal-principal" }),
    );
    expect(principals(schedule)).toEqual([33333n, 33333n, 33334n]);
    expect(interests(schedule)).toEqual([1000n, 667n, 333n]);
  });

  it("counts actual days under actual/365", () => {
    // By hand: 1000.00 × 0.10 × 31/365 = 8.4932 -> 8.49; 500.00 × 0.10 × 28/365 = 3.8356 -> 3.84.
    const schedule = generateSchedule(
      loanTerms({
        principal: "1000.00",
        rate: "0.10",
        termCount: 2,
        method: "equal-principal",
        dayCount: "actual/365",
      }),
    );
    expect(interests(schedule)).toEqual([849n, 384n]);
  });

  it("charges a full month at month ends under 30/360: Jan 31 -> Feb 28 -> Mar 31", () => {
    // Each whole month is 1/12 of a year: 1200.00, 800.00, 400.00 at 1% -> 12.00, 8.00, 4.00.
    const schedule = generateSchedule(
      loanTerms({ disbursedOn: "2024-12-31", termCount: 3, method: "equal-principal" }),
    );
    expect(schedule.map((i) => i.dueDate)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31"]);
    expect(interests(schedule)).toEqual([1200n, 800n, 400n]);
  });
});

describe("generateSchedule: flat interest", () => {
  it("1000.00 at 10% flat for 12 months: interest 100.00, 11 × 91.67 and a last 91.63", () => {
    // By hand: 1000 × 0.10 × 12/12 = 100.00 interest; 1100.00 / 12 = 91.666... -> 91.67;
    // 1100.00 − 11 × 91.67 = 91.63. Interest shares 10000/12 = 833 r 4: 8.34 four times, 8.33 after.
    const schedule = generateSchedule(
      loanTerms({ principal: "1000.00", rate: "0.10", interest: "flat" }),
    );
    expect(totals(schedule)).toEqual([...Array(11).fill(9167n), 9163n]);
    expect(interests(schedule)).toEqual([...Array(4).fill(834n), ...Array(8).fill(833n)]);
    expect(scheduleTotals(schedule).interest).toEqual(parseMoney("100.00", "USD"));
  });

  it("equal principal with flat interest: 1200.00 at 12% for 12 months is 112.00 a month", () => {
    // By hand: interest 1200 × 0.12 = 144.00 -> 12.00 a month; principal 100.00 a month.
    const schedule = generateSchedule(loanTerms({ interest: "flat", method: "equal-principal" }));
    expect(totals(schedule)).toEqual(Array(12).fill(11200n));
  });

  it("weekly flat interest counts the term's actual days over 365", () => {
    // By hand: 4 weeks = 28 days; 1000.00 × 0.26 × 28/365 = 19.9452 -> 19.95; shares 4.99 × 3, 4.98.
    const schedule = generateSchedule(
      loanTerms({
        principal: "1000.00",
        rate: "0.26",
        termCount: 4,
        frequency: "weekly",
        dayCount: "actual/365",
        interest: "flat",
      }),
    );
    expect(interests(schedule)).toEqual([499n, 499n, 499n, 498n]);
  });
});

describe("scheduleTotals", () => {
  it("names the zero of an empty schedule by the currency given", () => {
    expect(scheduleTotals([], "JPY").total).toEqual(parseMoney("0", "JPY"));
  });
});
