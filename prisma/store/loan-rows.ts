// Maps loans between core (terms, late fees, schedule) and the loans and installments tables.

import { money, moneyIn, parseRate } from "../../core/money/index.ts";
import type { LoanInput, StoredLoan } from "../../core/ports/index.ts";
import type {
  AmortizationMethod,
  DayCount,
  Frequency,
  Installment,
  InterestMethod,
} from "../../core/schedule/index.ts";
import { canonicalLateFee, formatRateExact } from "../../core/store/index.ts";
import type {
  Installment as InstallmentRow,
  Loan as LoanRow,
} from "../../generated/prisma/client.ts";
import { fromDbDate, toDbDate } from "../calendar-date.ts";

/** The contractual schedule is version 1; reschedules live in their transactions' payloads. */
export const CONTRACT_VERSION = 1;

/** Reads a loan with its contractual installments, in order. */
export const WITH_SCHEDULE = {
  installments: { where: { version: CONTRACT_VERSION }, orderBy: { n: "asc" } },
} as const;

export type LoanWithSchedule = LoanRow & { installments: InstallmentRow[] };

/** A date column as the client reads it (a Date at midnight UTC) or as SQL text "YYYY-MM-DD". */
type DateColumn = Date | string;

/** A loan row for loanFromRow: from the client, or from SQL with its dates left as text. */
export type LoanRowIn = Omit<
  LoanWithSchedule,
  "disbursedOn" | "firstDueDate" | "installments" | "createdAt" | "updatedAt"
> & {
  readonly disbursedOn: DateColumn;
  readonly firstDueDate: DateColumn | null;
  readonly installments: readonly (Omit<InstallmentRow, "dueDate" | "id" | "loanId" | "version"> & {
    readonly dueDate: DateColumn;
  })[];
};

const isoDateOf = (value: DateColumn) => (typeof value === "string" ? value : fromDbDate(value));

/** The loans-row columns of canonical `input` (status and schedule are written separately). */
export function loanColumns(input: LoanInput) {
  const { terms, lateFee } = input;
  return {
    externalRef: input.externalRef,
    borrowerId: input.borrowerId,
    currency: terms.principal.currency,
    principalMinor: terms.principal.minor,
    annualRate: formatRateExact(terms.annualRate),
    termCount: terms.termCount,
    frequency: terms.frequency,
    method: terms.method,
    interestMethod: terms.interest,
    dayCount: terms.dayCount,
    disbursedOn: toDbDate(terms.disbursedOn),
    firstDueDate: terms.firstDueDate ? toDbDate(terms.firstDueDate) : null,
    graceOnPrincipal: terms.graceOnPrincipal ?? 0,
    lateFeeFlatMinor: lateFee?.flat?.minor ?? null,
    lateFeePercent: lateFee?.percent ? formatRateExact(lateFee.percent) : null,
    lateFeeGraceDays: lateFee?.graceDays ?? 0,
    lateFeeCapMinor: lateFee?.cap?.minor ?? null,
    rateCap: input.rateCap ? formatRateExact(input.rateCap) : null,
  };
}

export function installmentRows(schedule: readonly Installment[]) {
  return schedule.map((installment) => ({
    version: CONTRACT_VERSION,
    n: installment.n,
    dueDate: toDbDate(installment.dueDate),
    principalMinor: installment.principal.minor,
    interestMinor: installment.interest.minor,
    feesMinor: installment.fees.minor,
    penaltiesMinor: installment.penalties.minor,
  }));
}

export function loanFromRow(row: LoanRowIn): StoredLoan {
  const amount = moneyIn(row.currency);
  return loanFromColumns(
    row,
    row.installments.map((installment) => ({
      n: installment.n,
      dueDate: isoDateOf(installment.dueDate),
      principal: amount(installment.principalMinor),
      interest: amount(installment.interestMinor),
      fees: amount(installment.feesMinor),
      penalties: amount(installment.penaltiesMinor),
    })),
  );
}

/** A loans row without its installments, and the schedule already mapped. */
export function loanFromColumns(
  row: Omit<LoanRowIn, "installments">,
  schedule: readonly Installment[],
): StoredLoan {
  const currency = row.currency;
  const lateFee = canonicalLateFee(
    {
      ...(row.lateFeeFlatMinor !== null ? { flat: money(row.lateFeeFlatMinor, currency) } : {}),
      ...(row.lateFeePercent !== null ? { percent: parseRate(row.lateFeePercent) } : {}),
      graceDays: row.lateFeeGraceDays,
      ...(row.lateFeeCapMinor !== null ? { cap: money(row.lateFeeCapMinor, currency) } : {}),
    },
    currency,
  );
  return {
    id: row.id,
    externalRef: row.externalRef,
    borrowerId: row.borrowerId,
    terms: {
      principal: money(row.principalMinor, currency),
      annualRate: parseRate(row.annualRate),
      termCount: row.termCount,
      frequency: row.frequency as Frequency,
      disbursedOn: isoDateOf(row.disbursedOn),
      ...(row.firstDueDate ? { firstDueDate: isoDateOf(row.firstDueDate) } : {}),
      method: row.method as AmortizationMethod,
      interest: row.interestMethod as InterestMethod,
      dayCount: row.dayCount as DayCount,
      ...(row.graceOnPrincipal ? { graceOnPrincipal: row.graceOnPrincipal } : {}),
    },
    ...(lateFee ? { lateFee } : {}),
    ...(row.rateCap !== null ? { rateCap: parseRate(row.rateCap) } : {}),
    status: row.status,
    schedule,
    ...(row.nextNudgeAt ? { nextNudgeAt: row.nextNudgeAt.toISOString() } : {}),
  };
}
