// One payment record (an import row or an API body): which loan, when, how much.
import { z } from "zod";
import { type FieldError, type RowResult, zodErrors } from "./field-error.ts";
import { currencyCode, dateText, decimalText, refText } from "./record-fields.ts";

export const paymentRecordSchema = z.strictObject({
  loanRef: refText,
  date: dateText,
  amount: decimalText,
  currency: currencyCode.optional(),
  /** The lender's payment id; it becomes the idempotency key. */
  ref: refText.optional(),
});

export type PaymentRecord = z.output<typeof paymentRecordSchema>;

export function parsePaymentRecord(
  fields: Readonly<Record<string, unknown>>,
): RowResult<PaymentRecord> {
  if (fields.__notAnObject)
    return { ok: false, errors: [{ field: "(record)", reason: "must be an object" }] };
  const parsed = paymentRecordSchema.safeParse(fields);
  if (!parsed.success)
    return { ok: false, errors: zodErrors(parsed.error, { ...fields }) as FieldError[] };
  return { ok: true, value: parsed.data };
}
