// How a plan option reads: its kind in words, its installments as runs of equal amounts, its cost.
import { money } from "../money/money.ts";
import type { PlanKind, PlanOption } from "../plans/plan-option.ts";
import { installmentTotal } from "../schedule/installment.ts";
import type { TemplateKey } from "./templates.ts";
import type { TurnContext } from "./turn-context.ts";

const KIND: Readonly<Record<PlanKind, TemplateKey & `kind${string}`>> = {
  "catch-up": "kindCatchUp",
  extended: "kindExtended",
  hardship: "kindHardship",
};
const ABOUT: Readonly<Record<PlanKind, TemplateKey & `about${string}`>> = {
  "catch-up": "aboutCatchUp",
  extended: "aboutExtended",
  hardship: "aboutHardship",
};

export interface InstallmentRun {
  readonly count: number;
  /** The smallest and largest installment total in the run (equal when every one matches). */
  readonly low: bigint;
  readonly high: bigint;
}

// Installments within 1% of a run's first one belong to it: rounding moves a plan's amounts by
// a cent here and there, and listing each cent step would bury the plan's shape.
const RUN_TOLERANCE_PERCENT = 1n;

/**
 * Consecutive installments of about the same total, each run stated exactly by its count and
 * its lowest and highest amount: "3 × 175.53 to 175.55, then 7 × 107.12 to 107.18". A plan's
 * first installment alone would misstate a catch-up or hardship plan.
 */
export function installmentRuns(option: PlanOption): InstallmentRun[] {
  const runs: { count: number; first: bigint; low: bigint; high: bigint }[] = [];
  for (const installment of option.schedule) {
    const amount = installmentTotal(installment);
    const run = runs.at(-1);
    const gap = run ? (amount > run.first ? amount - run.first : run.first - amount) : 0n;
    if (run && gap * 100n <= run.first * RUN_TOLERANCE_PERCENT) {
      run.count += 1;
      if (amount < run.low) run.low = amount;
      if (amount > run.high) run.high = amount;
    } else {
      runs.push({ count: 1, first: amount, low: amount, high: amount });
    }
  }
  return runs.map(({ count, low, high }) => ({ count, low, high }));
}

export function kindWord(ctx: TurnContext, kind: PlanKind): string {
  return ctx.say(KIND[kind]);
}

function costText(ctx: TurnContext, option: PlanOption): string {
  const extra = option.extraCost;
  if (extra.minor > 0n) return ctx.say("planCostMore", { extra: ctx.amount(extra) });
  if (extra.minor === 0n) return ctx.say("planCostNone");
  return ctx.say("planCostLess", { saving: ctx.amount(money(-extra.minor, extra.currency)) });
}

function runsText(ctx: TurnContext, option: PlanOption): string {
  const currency = option.totalPayable.currency;
  const amount = (minor: bigint) => ctx.amount(money(minor, currency));
  return installmentRuns(option)
    .map((run) =>
      run.low === run.high
        ? ctx.say("planRun", { count: String(run.count), amount: amount(run.low) })
        : ctx.say("planRunRange", {
            count: String(run.count),
            low: amount(run.low),
            high: amount(run.high),
          }),
    )
    .join(ctx.say("planRunThen"));
}

/** The variables of `planOption` (and of `planPicked`, with its `terms`). */
export function optionFacts(ctx: TurnContext, option: PlanOption) {
  return {
    kind: kindWord(ctx, option.kind),
    about: ctx.say(ABOUT[option.kind]),
    payments:
      option.count === 1
        ? ctx.say("planPaymentsOne")
        : ctx.say("planPayments", { count: String(option.count) }),
    runs: runsText(ctx, option),
    first: ctx.day(option.firstDueDate),
    last: ctx.day(option.lastDueDate),
    total: ctx.amount(option.totalPayable),
    cost: costText(ctx, option),
  };
}
