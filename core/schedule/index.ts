// Public API of schedule: loan terms in, a repayment schedule out.

export { annuityPayment } from "./annuity-payment.ts";
export { addPeriods, dueDates, firstDueDateOf } from "./due-dates.ts";
export { generateSchedule } from "./generate-schedule.ts";
export { type Installment, installmentTotal } from "./installment.ts";
export { nominalPeriodicRate, periodFraction } from "./period-fraction.ts";
export { type ScheduleTotals, scheduleTotals } from "./schedule-totals.ts";
export {
  AMORTIZATION_METHODS,
  type AmortizationMethod,
  DAY_COUNTS,
  type DayCount,
  FREQUENCIES,
  type Frequency,
  INTEREST_METHODS,
  type InterestMethod,
  type LoanTerms,
} from "./terms.ts";
export { MAX_TERM_COUNT, validateTerms } from "./validate-terms.ts";
