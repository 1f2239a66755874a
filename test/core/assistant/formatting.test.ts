// Money and dates as borrowers read them: Intl currency from the exact decimal, luxon dates by locale.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount, formatDay } from "../../../core/format/index.ts";
import { formatMoney } from "../../../core/money/decimal.ts";
import { money } from "../../../core/money/money.ts";

describe("formatAmount", () => {
  it("formats USD for English and Chinese readers", () => {
    expect(formatAmount(money(120000n, "USD"), "en")).toBe("$1,200.00");
    expect(formatAmount(money(120000n, "USD"), "zh-CN")).toBe("US$1,200.00");
  });

  it("formats yuan for a Chinese reader", () => {
    expect(formatAmount(money(120050n, "CNY"), "zh-CN")).toBe("¥1,200.50");
  });

  it("shows each currency's own minor digits: JPY none, KWD three", () => {
    expect(formatAmount(money(1200n, "JPY"), "en")).toBe("¥1,200");
    expect(formatAmount(money(1200125n, "KWD"), "en")).toMatch(/^KWD\s1,200\.125$/);
  });

  it("keeps every digit of amounts beyond a float's precision", () => {
    const large = money(1234567890123456789n, "USD");
    expect(formatAmount(large, "en")).toBe("$12,345,678,901,234,567.89");
  });

  it("keeps the exact digits for any amount and currency", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.constantFrom("USD", "CNY", "JPY", "KWD", "EUR"),
        fc.constantFrom("en", "zh-CN"),
        (minor, currency, locale) => {
          const value = money(minor, currency);
          const digits = (text: string) => text.replace(/\D/g, "");
          expect(digits(formatAmount(value, locale))).toBe(digits(formatMoney(value)));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("formatDay", () => {
  it("names the weekday and date in the borrower's language", () => {
    expect(formatDay("2026-03-06", "en", "2026-03-01")).toBe("Friday, March 6");
    expect(formatDay("2026-03-06", "zh-CN", "2026-03-01")).toBe("3月6日 星期五");
  });

  it("adds the year only when it is not this year", () => {
    expect(formatDay("2027-01-15", "en", "2026-04-01")).toBe("Friday, January 15, 2027");
    expect(formatDay("2027-01-15", "zh-CN", "2026-04-01")).toBe("2027年1月15日 星期五");
  });
});
