// Accepting a plan: its schedule becomes a reschedule transaction the ledger replays.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Reschedule, RescheduleInstallment } from "../ledger/transaction.ts";
import type { PlanKind, PlanOption } from "./plan-option.ts";

export function acceptPlan<C extends string>(
  planOrSchedule: PlanOption<C> | readonly RescheduleInstallment<C>[],
  date: IsoDate,
): Reschedule<C> {
  if (Array.isArray(planOrSchedule)) {
    return { type: "reschedule", date, installments: planOrSchedule as RescheduleInstallment<C>[] };
  }
  const plan = planOrSchedule as PlanOption<C>;
  const kind: PlanKind = plan.kind;
  return { type: "reschedule", date, installments: plan.schedule, plan: kind };
}
