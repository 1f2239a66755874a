// Shared builders for the nudge tests: a late borrower's facts, loans, and fast-check generators.
import fc from "fast-check";
import { addDays } from "../../../core/dates/iso-date.ts";
import { money } from "../../../core/money/money.ts";
import {
  NUDGE_KINDS,
  type NudgeBodies,
  type NudgeFacts,
  type NudgeLoanFacts,
  type NudgeTone,
  type RenderedNudge,
  renderNudge,
} from "../../../core/nudges/index.ts";
import { nudgeTemplates } from "../../../prompts/index.ts";

export const LENDER = "Acme Credit";
export const OPT_OUT = {
  en: "Reply STOP to stop these reminders.",
  "zh-CN": "回复“退订”停止提醒。",
};
export const PLAN_STEP = { en: /reply PLAN/i, "zh-CN": /回复“计划”/ };

/** $130.00 including $10.00 fees, due Friday 2026-03-06, three days past due. */
export function loan(overrides: Partial<NudgeLoanFacts> = {}): NudgeLoanFacts {
  return {
    loanRef: "L-1042",
    amountDue: money(13000n, "USD"),
    dueDate: "2026-03-06",
    overdue: money(13000n, "USD"),
    feesAndPenalties: money(1000n, "USD"),
    daysPastDue: 3,
    ...overrides,
  };
}

/** Alex in New York, written to on Monday 2026-03-09 at 10:00 local, first time late. */
export function facts(overrides: Partial<NudgeFacts> = {}): NudgeFacts {
  return {
    kind: "overdue",
    locale: "en",
    timeZone: "America/New_York",
    at: "2026-03-09T14:00:00Z",
    lenderName: LENDER,
    borrowerName: "Alex",
    loans: [loan()],
    history: { timesLate: 0, promisesKept: 0, promisesBroken: 0 },
    promisedFor: "2026-03-07",
    ...overrides,
  };
}

export function render(overrides: Partial<NudgeFacts> = {}): RenderedNudge {
  return renderNudge(facts(overrides), nudgeTemplates);
}

/**
 * Renders `input` in `tone` whatever its segment, by handing the renderer templates whose every
 * tone for that kind reads as `tone` does: segments never pick some pairs (a direct pre-due).
 */
export function renderInTone(input: NudgeFacts, tone: NudgeTone): RenderedNudge {
  const { locale, kind } = input;
  const set = nudgeTemplates[locale];
  const only = (bodies: NudgeBodies) => {
    const text = bodies[kind][tone];
    return { ...bodies, [kind]: { friendly: text, reassuring: text, direct: text } };
  };
  const templates = {
    ...nudgeTemplates,
    [locale]: { ...set, one: only(set.one), several: only(set.several) },
  };
  return renderNudge(input, templates);
}

const CURRENCIES = ["USD", "CNY", "JPY", "KWD"] as const;
const ZONES = ["America/New_York", "Asia/Shanghai", "Europe/London", "Pacific/Kiritimati"];
const BASE = "2024-01-01";

const isoDate = fc.integer({ min: 0, max: 3650 }).map((days) => addDays(BASE, days));

const loanArb = (index: number): fc.Arbitrary<NudgeLoanFacts> =>
  fc
    .record({
      currency: fc.constantFrom(...CURRENCIES),
      amount: fc.bigInt({ min: 1n, max: 10n ** 13n }),
      feesShare: fc.bigInt({ min: 0n, max: 100n }),
      dueDate: isoDate,
      daysPastDue: fc.oneof(fc.constant(0), fc.constant(1), fc.integer({ min: 0, max: 2000 })),
      ref: fc.integer({ min: 0, max: 99_999 }),
      payLink: fc.option(fc.integer({ min: 0, max: 10 ** 9 }), { nil: undefined }),
    })
    .map(({ currency, amount, feesShare, dueDate, daysPastDue, ref, payLink }) => ({
      loanRef: `L-${index}${ref}`,
      amountDue: money(amount, currency),
      dueDate,
      overdue: money(daysPastDue > 0 ? amount : 0n, currency),
      feesAndPenalties: money(daysPastDue > 0 ? (amount * feesShare) / 100n : 0n, currency),
      daysPastDue,
      ...(payLink === undefined ? {} : { payLink: `https://pay.example/${index}/${payLink}` }),
    }));

/** Random facts: every kind, both locales, 1–3 loans in USD/CNY/JPY/KWD, any dates and history. */
export const factsArb: fc.Arbitrary<NudgeFacts> = fc
  .record({
    kind: fc.constantFrom(...NUDGE_KINDS),
    locale: fc.constantFrom("en" as const, "zh-CN" as const),
    timeZone: fc.constantFrom(...ZONES),
    atDay: fc.integer({ min: 0, max: 3650 }),
    atMs: fc.integer({ min: 0, max: 86_399_999 }),
    lenderName: fc.constantFrom(LENDER, "Credit 4 U", "好信贷 24/7"),
    borrowerName: fc.constantFrom("Alex", "王小明", "Sam 2nd"),
    loans: fc
      .integer({ min: 1, max: 3 })
      .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => loanArb(i + 1)))),
    history: fc.record({
      timesLate: fc.nat(12),
      promisesKept: fc.nat(4),
      promisesBroken: fc.nat(4),
      onTimeInstallments: fc.option(fc.nat(24), { nil: undefined }),
    }),
    promisedFor: isoDate,
    sent: fc.boolean(),
  })
  .map(({ atDay, atMs, sent, ...rest }) => ({
    ...rest,
    // Sometimes unknown: then every date shows its year.
    ...(sent
      ? { at: new Date(Date.parse(`${addDays(BASE, atDay)}T00:00:00Z`) + atMs).toISOString() }
      : {}),
  }));
