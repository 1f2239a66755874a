// `repay schedule`: loan terms in, a schedule whose principal parts add up to the principal out.
import { describe, expect, test } from "vitest";
import { usdTerms } from "../helpers/builders.ts";
import { type ScheduleOutput, totalOf } from "./cli-output.ts";
import { repay, repayJson } from "./run-repay.ts";

describe("repay schedule", () => {
  test("Should print 12 monthly installments whose principal sums to 1200.00", async () => {
    const { code, stdout, stderr } = await repay(["schedule"], usdTerms());
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.trim().split("\n")).toHaveLength(1);

    const schedule = JSON.parse(stdout) as ScheduleOutput;
    expect(Object.keys(schedule).sort()).toEqual(["installments", "totals"]);
    expect(schedule.installments).toHaveLength(12);
    expect(schedule.installments[0]).toEqual({
      n: 1,
      dueDate: "2026-02-15",
      principal: expect.stringMatching(/^\d+\.\d{2}$/),
      interest: expect.stringMatching(/^\d+\.\d{2}$/),
      total: expect.stringMatching(/^\d+\.\d{2}$/),
    });
    expect(schedule.installments.map((i) => i.n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(schedule.installments.at(-1)?.dueDate).toBe("2027-01-15");
    expect(
      totalOf(
        schedule.installments.map((i) => i.principal),
        "USD",
      ),
    ).toBe("1200.00");
    expect(schedule.totals.principal).toBe("1200.00");
    expect(totalOf([schedule.totals.principal, schedule.totals.interest], "USD")).toBe(
      schedule.totals.total,
    );
  });

  test("Should keep whole yen and equal principal parts for a JPY equal-principal loan", async () => {
    const schedule = await repayJson<ScheduleOutput>(
      ["schedule"],
      usdTerms({ principal: "120000", currency: "JPY", method: "equal-principal", termCount: 6 }),
    );
    expect(schedule.installments.map((i) => i.principal)).toEqual(Array(6).fill("20000"));
    expect(schedule.installments.every((i) => /^\d+$/.test(i.interest))).toBe(true);
    expect(schedule.totals.principal).toBe("120000");
  });
});
