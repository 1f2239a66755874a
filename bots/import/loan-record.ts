// One loan record (an import row or an API body): the borrower and the loan's terms.
import { z } from "zod";
import { isDomainError } from "../../core/errors/index.ts";
import type { LateFeeTerms } from "../../core/fees/index.ts";
import { parseMoney, parseRate } from "../../core/money/index.ts";
import type { BorrowerInput, LoanInput } from "../../core/ports/index.ts";
import type { Installment, LoanTerms } from "../../core/schedule/index.ts";
import { generateSchedule } from "../../core/schedule/index.ts";
import type { ContactInput } from "./contact-record.ts";
import { type FieldError, type RowResult, zodErrors } from "./field-error.ts";
import {
  channelName,
  currencyCode,
  dateText,
  decimalText,
  emailAddress,
  localeTag,
  nameText,
  phoneNumber,
  rateText,
  refText,
  timeZoneName,
  wholeNumber,
  yesNo,
} from "./record-fields.ts";
import { MAX_GRACE_DAYS, MAX_TERM_COUNT, TOO_LARGE, tooLarge } from "./stored-bounds.ts";

export const loanRecordSchema = z.strictObject({
  borrowerRef: refText,
  borrowerName: nameText,
  phone: phoneNumber.optional(),
  email: emailAddress.optional(),
  preferredChannel: channelName.optional(),
  smsConsent: yesNo.optional(),
  emailConsent: yesNo.optional(),
  consentTextVersion: refText.optional(),
  locale: localeTag.default("en"),
  timeZone: timeZoneName.default("UTC"),
  deceased: yesNo.optional(),
  bankruptcy: yesNo.optional(),
  hardship: yesNo.optional(),
  loanRef: refText,
  principal: decimalText,
  currency: currencyCode,
  annualRate: rateText,
  termCount: wholeNumber(1, MAX_TERM_COUNT),
  frequency: z.enum(["monthly", "biweekly", "weekly"]),
  disbursedOn: dateText,
  firstDueDate: dateText.optional(),
  method: z.enum(["annuity", "equal-principal"]).default("annuity"),
  interest: z.enum(["declining", "flat"]).default("declining"),
  dayCount: z.enum(["30/360", "actual/365"]).default("30/360"),
  graceOnPrincipal: wholeNumber(0, MAX_TERM_COUNT).optional(),
  lateFeeFlat: decimalText.optional(),
  lateFeePercent: rateText.optional(),
  lateFeeGraceDays: wholeNumber(0, MAX_GRACE_DAYS).optional(),
  lateFeeCap: decimalText.optional(),
  rateCap: rateText.optional(),
  status: z.enum(["active", "paid_off", "written_off"]).optional(),
  /** Give an existing loan to the borrower named here (audited); without it that is refused. */
  moveToBorrower: yesNo.optional(),
});

export type LoanRecord = z.output<typeof loanRecordSchema>;

export interface LoanRow {
  readonly borrower: BorrowerInput;
  /** Email, preferred channel and consent, when the record gives any. */
  readonly contact: ContactInput;
  readonly loan: Omit<LoanInput, "borrowerId">;
  /** The record asks to move an existing loan to this borrower. */
  readonly moveToBorrower: boolean;
}

export function parseLoanRecord(fields: Readonly<Record<string, unknown>>): RowResult<LoanRow> {
  if (fields.__notAnObject)
    return { ok: false, errors: [{ field: "(record)", reason: "must be an object" }] };
  const parsed = loanRecordSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, errors: zodErrors(parsed.error, { ...fields }) };
  const record = parsed.data;
  const errors: FieldError[] = [];
  if (record.smsConsent && !record.phone) {
    errors.push({ field: "smsConsent", reason: "needs the phone number it was given for" });
  }
  const amount = (field: string, text: string) => {
    try {
      const value = parseMoney(text, record.currency);
      if (!tooLarge(value.minor)) return value;
      errors.push({ field, reason: TOO_LARGE });
      return undefined;
    } catch (error) {
      errors.push({ field, reason: isDomainError(error) ? error.message : String(error) });
      return undefined;
    }
  };
  const principal = amount("principal", record.principal);
  if (principal && principal.minor <= 0n)
    errors.push({ field: "principal", reason: "must be greater than zero" });
  const flat = record.lateFeeFlat ? amount("lateFeeFlat", record.lateFeeFlat) : undefined;
  const cap = record.lateFeeCap ? amount("lateFeeCap", record.lateFeeCap) : undefined;
  if (errors.length > 0 || !principal) return { ok: false, errors };
  const terms: LoanTerms = {
    principal,
    annualRate: parseRate(record.annualRate),
    termCount: record.termCount,
    frequency: record.frequency,
    disbursedOn: record.disbursedOn,
    method: record.method,
    interest: record.interest,
    dayCount: record.dayCount,
    ...(record.firstDueDate ? { firstDueDate: record.firstDueDate } : {}),
    ...(record.graceOnPrincipal ? { graceOnPrincipal: record.graceOnPrincipal } : {}),
  };
  try {
    const overflow = scheduleOverflow(generateSchedule(terms));
    if (overflow) return { ok: false, errors: [overflow] };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const field = typeof error.details.field === "string" ? error.details.field : "terms";
    const reason = error.message.startsWith(`${field} `)
      ? error.message.slice(field.length + 1)
      : error.message;
    return { ok: false, errors: [{ field, reason }] };
  }
  const hasLateFee = flat || cap || record.lateFeePercent || record.lateFeeGraceDays;
  const lateFee: LateFeeTerms | undefined = hasLateFee
    ? {
        graceDays: record.lateFeeGraceDays ?? 0,
        ...(flat ? { flat } : {}),
        ...(record.lateFeePercent ? { percent: parseRate(record.lateFeePercent) } : {}),
        ...(cap ? { cap } : {}),
      }
    : undefined;
  return {
    ok: true,
    value: {
      borrower: {
        externalRef: record.borrowerRef,
        name: record.borrowerName,
        locale: record.locale,
        timeZone: record.timeZone,
        ...(record.phone ? { phone: record.phone } : {}),
        flags: {
          deceased: record.deceased ?? false,
          bankruptcy: record.bankruptcy ?? false,
          hardship: record.hardship ?? false,
        },
      },
      contact: {
        ...(record.email !== undefined ? { email: record.email } : {}),
        ...(record.preferredChannel !== undefined
          ? { preferredChannel: record.preferredChannel }
          : {}),
        ...(record.smsConsent !== undefined ? { smsConsent: record.smsConsent } : {}),
        ...(record.emailConsent !== undefined ? { emailConsent: record.emailConsent } : {}),
        ...(record.consentTextVersion !== undefined
          ? { consentTextVersion: record.consentTextVersion }
          : {}),
      },
      loan: {
        externalRef: record.loanRef,
        terms,
        ...(lateFee ? { lateFee } : {}),
        ...(record.rateCap ? { rateCap: parseRate(record.rateCap) } : {}),
        ...(record.status ? { status: record.status } : {}),
      },
      moveToBorrower: record.moveToBorrower ?? false,
    },
  };
}

/** An installment whose amounts a BIGINT column cannot hold: the rate (or principal) is too large. */
function scheduleOverflow(schedule: readonly Installment[]): FieldError | undefined {
  for (const i of schedule) {
    const parts = [i.principal, i.interest, i.fees, i.penalties];
    if (parts.some((part) => tooLarge(part.minor))) {
      return {
        field: "annualRate",
        reason: `gives installment ${i.n} an amount ${TOO_LARGE}`,
      };
    }
  }
  return undefined;
}
