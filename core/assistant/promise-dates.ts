// Dates around a promise to pay: the choices to offer, and when its pause on reminders ends.
import { DateTime } from "luxon";
import { addDays, type IsoDate, weekday } from "../dates/iso-date.ts";
import { formatWeekday } from "../format/format-day.ts";
import { actions } from "./actions.ts";
import type { Choice } from "./reply.ts";
import { PROMISE_GRACE_DAYS } from "./rules.ts";
import type { TurnContext } from "./turn-context.ts";

const FRIDAY = 5;

/** Tomorrow, and the first Friday after it (a common payday), as one-tap promises. */
export function promiseDateChoices(ctx: TurnContext, amount?: string): Choice[] {
  const tomorrow = addDays(ctx.today, 1);
  let friday = addDays(tomorrow, 1);
  while (weekday(friday) !== FRIDAY) friday = addDays(friday, 1);
  return [
    ctx.choice(actions.promise(tomorrow, amount), "labelTomorrow"),
    { action: actions.promise(friday, amount), label: formatWeekday(friday, ctx.language) },
  ];
}

/**
 * The instant reminders resume: the end of the promised date plus the grace days, in the
 * borrower's zone, as a UTC ISO instant.
 * @example promisePauseUntil("2026-04-03", "America/New_York") // "2026-04-06T03:59:59.999Z"
 */
export function promisePauseUntil(promisedFor: IsoDate, timeZone: string): string {
  return DateTime.fromISO(addDays(promisedFor, PROMISE_GRACE_DAYS), { zone: timeZone })
    .endOf("day")
    .toUTC()
    .toISO() as string;
}
