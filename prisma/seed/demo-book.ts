// A realistic demo book: ~50 borrowers in several time zones and both locales, loans current,
// due soon, 1–120 days late and paid off, with the payments that put them there.
import { addDays, addMonths } from "../../core/dates/index.ts";
import type { Transaction } from "../../core/ledger/index.ts";
import { money, parseRate } from "../../core/money/index.ts";
import type { BorrowerInput, LoanInput } from "../../core/ports/index.ts";
import { generateSchedule, installmentTotal, type LoanTerms } from "../../core/schedule/index.ts";

export interface DemoLoan {
  readonly borrower: BorrowerInput;
  readonly loan: Omit<LoanInput, "borrowerId">;
  readonly payments: ReadonlyArray<{ key: string; transaction: Transaction }>;
  /** What the demo meant this loan to show. */
  readonly story: "current" | "due-soon" | "late" | "paid-off";
}

const PLACES = [
  { zone: "America/New_York", locale: "en", currency: "USD", phone: "+1212555" },
  { zone: "America/Los_Angeles", locale: "en", currency: "USD", phone: "+1213555" },
  { zone: "America/Chicago", locale: "en", currency: "USD", phone: "+1312555" },
  { zone: "Europe/London", locale: "en", currency: "GBP", phone: "+4477009" },
  { zone: "Asia/Shanghai", locale: "zh-CN", currency: "CNY", phone: "+8613800" },
  { zone: "Asia/Shanghai", locale: "zh-CN", currency: "CNY", phone: "+8613900" },
  { zone: "Asia/Singapore", locale: "en", currency: "SGD", phone: "+6581234" },
  { zone: "Australia/Sydney", locale: "en", currency: "AUD", phone: "+6141200" },
] as const;

const EN_NAMES = [
  "Ana Lopez",
  "Ben Carter",
  "Chloe Nguyen",
  "David Okafor",
  "Emma Wilson",
  "Farah Khan",
  "George Brown",
  "Hannah Lee",
  "Isaac Cohen",
  "Julia Rossi",
  "Kofi Mensah",
  "Laura Smith",
  "Marco Silva",
  "Nina Patel",
  "Oliver Jones",
  "Priya Shah",
  "Quinn Taylor",
  "Rosa Garcia",
  "Sam Miller",
  "Tara Murphy",
  "Umar Ali",
  "Vera Novak",
  "Will Evans",
  "Yara Haddad",
  "Zoe Martin",
  "Aaron Park",
  "Bea Santos",
  "Carl Fischer",
  "Dina Cruz",
  "Eli Wright",
  "Fay Moreno",
  "Gus Rivera",
  "Hugo Lambert",
  "Ivy Chen",
];
const ZH_NAMES = [
  "王芳",
  "李娜",
  "张伟",
  "刘洋",
  "陈静",
  "杨磊",
  "赵敏",
  "黄勇",
  "周杰",
  "吴霞",
  "徐明",
  "孙丽",
  "马超",
  "朱婷",
  "胡斌",
  "郭琳",
];

/** Small deterministic PRNG (mulberry32) so every demo book is the same for the same day. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATE_DAYS = [1, 2, 4, 6, 9, 12, 16, 21, 28, 35, 45, 58, 67, 80, 95, 110, 120];

/** The demo book as of `today` (YYYY-MM-DD). */
export function demoBook(today: string, count = 50): DemoLoan[] {
  const next = random(20260301);
  let en = 0;
  let zh = 0;
  return Array.from({ length: count }, (_, i) => {
    const place = PLACES[i % PLACES.length] as (typeof PLACES)[number];
    const name =
      place.locale === "zh-CN"
        ? (ZH_NAMES[zh++ % ZH_NAMES.length] as string)
        : (EN_NAMES[en++ % EN_NAMES.length] as string);
    const story =
      i % 10 < 3 ? "current" : i % 10 < 5 ? "due-soon" : i % 10 < 9 ? "late" : "paid-off";
    const principalMajor = [500, 800, 1200, 2500, 5000, 8000][Math.floor(next() * 6)] as number;
    const scale = place.currency === "CNY" ? 5 : 1;
    const minor = BigInt(principalMajor * scale * 100);
    const termCount = [6, 12, 12, 18, 24][Math.floor(next() * 5)] as number;
    const ref = String(i + 1).padStart(3, "0");
    const { firstDue, paidCount } = timeline(story, today, termCount, i);
    const terms: LoanTerms = {
      principal: money(minor, place.currency),
      annualRate: parseRate(["0.0990", "0.1299", "0.1850", "0.2400"][i % 4] as string),
      termCount,
      frequency: "monthly",
      disbursedOn: addMonths(firstDue, -1),
      firstDueDate: firstDue,
      method: i % 7 === 0 ? "equal-principal" : "annuity",
      interest: "declining",
      dayCount: "30/360",
    };
    const schedule = generateSchedule(terms);
    const payments = schedule.slice(0, paidCount).map((installment) => ({
      key: `demo:L-${ref}:${installment.n}`,
      transaction: {
        type: "payment" as const,
        date: installment.dueDate,
        amount: money(installmentTotal(installment), place.currency),
      },
    }));
    return {
      story,
      borrower: {
        externalRef: `B-${ref}`,
        name,
        phone: `${place.phone}${String(1000 + i).slice(-4)}`,
        locale: place.locale,
        timeZone: place.zone,
        flags: { deceased: false, bankruptcy: false, hardship: false },
      },
      loan: {
        externalRef: `L-${ref}`,
        terms,
        lateFee: {
          flat: money(BigInt(1500 * scale), place.currency),
          percent: parseRate("0.05"),
          graceDays: 3,
          cap: money(BigInt(6000 * scale), place.currency),
        },
        rateCap: parseRate("0.36"),
        ...(story === "paid-off" ? { status: "paid_off" as const } : {}),
      },
      payments,
    };
  });
}

/** Where the first due date lies and how many installments were paid on time, per story. */
function timeline(
  story: DemoLoan["story"],
  today: string,
  termCount: number,
  i: number,
): { firstDue: string; paidCount: number } {
  if (story === "paid-off")
    return { firstDue: addMonths(today, -termCount - 1), paidCount: termCount };
  if (story === "due-soon") {
    // the next installment falls 1–3 days from today; a few paid before it
    const nextDue = addDays(today, 1 + (i % 3));
    const paid = Math.min(i % 4, termCount - 1);
    return { firstDue: addMonths(nextDue, -paid), paidCount: paid };
  }
  if (story === "current") {
    const nextDue = addDays(today, 8 + (i % 15));
    const paid = Math.min(1 + (i % 5), termCount - 1);
    return { firstDue: addMonths(nextDue, -paid), paidCount: paid };
  }
  // late: the oldest unpaid installment fell due `daysLate` days ago
  const daysLate = LATE_DAYS[i % LATE_DAYS.length] as number;
  const unpaidDue = addDays(today, -daysLate);
  const paid = Math.min(i % 3, termCount - 1);
  return { firstDue: addMonths(unpaidDue, -paid), paidCount: paid };
}
