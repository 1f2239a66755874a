// A schedule read back from SCHEDULE_ARRAY's text is the one the store wrote, to the minor unit and the day.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSchedule } from "../../core/schedule/index.ts";
import { type Database, openDatabase } from "../../prisma/database.ts";
import { createPrismaStore } from "../../prisma/store/index.ts";
import {
  SCHEDULE_ARRAY,
  scheduleFromArray,
  scheduleMemo,
} from "../../prisma/store/schedule-array.ts";
import { givenLoan } from "../helpers/builders.ts";
import { termsOf, usd } from "../helpers/loans.ts";

describe("a loan's schedule as one integer array", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ memory: true });
  });
  afterAll(() => db?.close());

  const readBack = async (loanId: string) => {
    const [row] = await db.prisma.$queryRawUnsafe<{ schedule: string }[]>(
      `SELECT ${SCHEDULE_ARRAY} AS schedule FROM loans l WHERE l.id = $1`,
      loanId,
    );
    return scheduleFromArray(row?.schedule ?? null, "USD");
  };

  it("Should give back amounts past a double's exact integers and due dates on both sides of 1970", async () => {
    // 10^16 dollars: 10^18 cents, far beyond 2^53; monthly from 1969-10-15 to 1970-09-15.
    const terms = termsOf({
      principal: usd("10000000000000000.00"),
      disbursedOn: "1969-09-15",
      firstDueDate: "1969-10-15",
    });
    const loan = await givenLoan(createPrismaStore(db.prisma), { terms });

    const schedule = await readBack(loan.id);

    expect(schedule).toEqual(generateSchedule(terms));
    expect(schedule.map((installment) => installment.dueDate).slice(2, 4)).toEqual([
      "1969-12-15",
      "1970-01-15",
    ]);
    expect(schedule[0]?.principal.minor).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
  });

  it("Should give back the standard loan's twelve installments in order", async () => {
    const loan = await givenLoan(createPrismaStore(db.prisma));

    expect(await readBack(loan.id)).toEqual(generateSchedule(termsOf()));
  });

  it("Should read no installments as an empty schedule", () => {
    expect(scheduleFromArray(null, "USD")).toEqual([]);
  });

  it("Should read a loan whose installments are gone as an empty schedule", async () => {
    const loan = await givenLoan(createPrismaStore(db.prisma));
    await db.prisma.installment.deleteMany({ where: { loanId: loan.id } });

    expect(await readBack(loan.id)).toEqual([]);
  });

  it("Should give back a one-installment schedule", async () => {
    const terms = termsOf({ termCount: 1 });
    const loan = await givenLoan(createPrismaStore(db.prisma), { terms });

    const schedule = await readBack(loan.id);

    expect(schedule).toHaveLength(1);
    expect(schedule).toEqual(generateSchedule(terms));
  });

  it("Should read loans of one read with the same schedule text once, and each other text as its own", () => {
    const memo = scheduleMemo();
    const twelve = "{{1,20514,9000,1000,0,0},{2,20542,9100,900,0,0}}";
    const other = "{{1,20514,9000,1000,0,0},{2,20543,9100,900,0,0}}";

    const first = scheduleFromArray(twelve, "USD", memo);
    const again = scheduleFromArray(twelve, "USD", memo);
    const different = scheduleFromArray(other, "USD", memo);
    const inEuros = scheduleFromArray(twelve, "EUR", memo);

    expect(again).toBe(first);
    expect(different.map((installment) => installment.dueDate)).toEqual([
      "2026-03-02",
      "2026-03-31",
    ]);
    expect(first.map((installment) => installment.dueDate)).toEqual(["2026-03-02", "2026-03-30"]);
    expect(inEuros[0]?.principal.currency).toBe("EUR");
  });
});
