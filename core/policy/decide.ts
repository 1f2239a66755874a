// decide(): may we nudge this borrower about this loan now, and if not, why not and until when?
import type { IsoDate } from "../dates/iso-date.ts";
import type { LoanState } from "../ledger/loan-state.ts";
import { type Block, blockFor, blockUntil } from "./block.ts";
import {
  type CadenceContext,
  hasSomethingDue,
  type NudgeOpportunity,
  nextOpportunityAt,
  nudgeOpportunity,
} from "./cadence.ts";
import { contactLog } from "./contact-log.ts";
import { coolDownBlock, coolDownEnd } from "./cool-down.ts";
import { earliestClear } from "./earliest-clear.ts";
import { dailyCapBlock, weeklyBlocks } from "./frequency.ts";
import type { DecideInput, Decision, PolicyPauseReason } from "./inputs.ts";
import { formatInstant, localCalendar, parseInstant } from "./local-time.ts";
import { assertPauses, latestPromisedDate, pauseBlock } from "./pauses.ts";
import { orderReasons } from "./reasons.ts";
import { holidayBlock, quietHoursBlock, windowOpeningOn } from "./send-window.ts";
import { standingBlocks } from "./standing.ts";

interface Assessment {
  readonly blocks: readonly Block[];
  readonly opportunity?: NudgeOpportunity;
}

function cadenceBlock(
  loan: LoanState,
  context: CadenceContext,
  opensOn: (date: IsoDate) => number,
): Block {
  if (!hasSomethingDue(loan)) return blockFor("NOTHING_DUE");
  const next = nextOpportunityAt(loan, context);
  return next === undefined
    ? blockFor("NOT_IN_CADENCE")
    : blockUntil("NOT_IN_CADENCE", opensOn(next));
}

function isBlock(block: Block | undefined): block is Block {
  return block !== undefined;
}

/**
 * Decides one nudge about one loan at `now`. Checks run strongest first (flags, opt-out,
 * pauses, cadence, cool-down, caps, holidays, quiet hours) and every reason that applies is
 * returned. Anything that never lifts by itself means suppress; otherwise the answer is defer
 * to the earliest instant at which nothing blocks, which is always inside the borrower's send
 * window and off their holidays, DST included.
 *
 * @example
 * decide({ loanId, loanState, borrower, channel: "telegram", contactHistory: [], inbound: [],
 *          pauses: [], handoffOpen: false, now: "2026-03-07T21:30:00-05:00",
 *          profile: contactProfiles.default })
 * // { decision: "defer", until: "2026-03-08T13:00:00.000Z", reasons: ["QUIET_HOURS"] }
 */
export function decide(input: DecideInput): Decision {
  const { borrower, profile, loanState, pauses } = input;
  const calendar = localCalendar(borrower.timeZone);
  assertPauses(pauses);
  const now = parseInstant(input.now, "now");
  const log = contactLog(input.contactHistory, borrower.id, input.loanId, borrower.timeZone);
  const coolDownEndsAt = coolDownEnd(input.inbound, profile.coolDownHours);
  const standing = standingBlocks(borrower, input.channel, input.handoffOpen);
  const promisedDate = latestPromisedDate(pauses);
  const opensOn = (date: IsoDate) => windowOpeningOn(date, calendar, profile);

  const assess = (ms: number): Assessment => {
    const today = calendar.clockAt(ms).date;
    const pause = (reason: PolicyPauseReason) =>
      pauseBlock(pauses, reason, today, profile.promiseGraceDays, opensOn);
    const plan = pause("plan");
    const context: CadenceContext = {
      today,
      profile,
      onPlan: plan !== undefined,
      lastNudgeOn: log.lastNudgeOn,
      promisedDate,
    };
    const opportunity = nudgeOpportunity(loanState, context);
    const blocks = [
      ...standing,
      pause("hardship"),
      pause("dispute"),
      pause("agent_hold"),
      // A plan in force lets only its own installment reminders through.
      opportunity && opportunity.slot.kind !== "plan_installment" ? plan : undefined,
      pause("promise"),
      opportunity ? undefined : cadenceBlock(loanState, context, opensOn),
      coolDownBlock(coolDownEndsAt, ms),
      ...weeklyBlocks(log, ms, profile),
      dailyCapBlock(log, ms, calendar, profile),
      holidayBlock(ms, calendar, profile),
      quietHoursBlock(ms, calendar, profile),
    ].filter(isBlock);
    return { blocks, opportunity };
  };

  const current = assess(now);
  if (current.blocks.length === 0 && current.opportunity) {
    return { decision: "send", opportunity: current.opportunity };
  }
  const clear = earliestClear(now, (ms) => (ms === now ? current : assess(ms)).blocks);
  const reasons = orderReasons(clear.reasons);
  return clear.at === undefined
    ? { decision: "suppress", reasons }
    : { decision: "defer", until: formatInstant(clear.at), reasons };
}
