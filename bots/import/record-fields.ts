// Field validators shared by import rows and the lender API: decimal text only, never floats.
import { IANAZone } from "luxon";
import { z } from "zod";
import { isIsoDate } from "../../core/dates/index.ts";
import { isKnownCurrency } from "../../core/money/index.ts";
import { hasControlCharacter } from "../../core/text/index.ts";
import {
  FIRST_YEAR,
  LAST_YEAR,
  MAX_AMOUNT_LENGTH,
  MAX_NAME_LENGTH,
  MAX_RATE_LENGTH,
  MAX_REF_LENGTH,
} from "./stored-bounds.ts";

const NO_CONTROL = "must not contain control characters (such as NUL or a line break)";

export const decimalText = z
  .string({
    error: 'must be a decimal string such as "1200.00" (numbers are not accepted for money)',
  })
  .trim()
  .max(MAX_AMOUNT_LENGTH, `must be at most ${MAX_AMOUNT_LENGTH} characters`)
  .regex(/^\d+(\.\d+)?$/, 'must be a decimal such as "1200.00"');
export const rateText = z
  .string({ error: 'must be a decimal string such as "0.1299"' })
  .trim()
  .max(MAX_RATE_LENGTH, `must be at most ${MAX_RATE_LENGTH} characters`)
  .regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal such as "0.1299"');
export const dateText = z
  .string({ error: "must be a date (YYYY-MM-DD)" })
  .trim()
  .refine(isIsoDate, "must be a date (YYYY-MM-DD)")
  .refine((date) => {
    const year = Number(date.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, `must be in the years ${FIRST_YEAR} to ${LAST_YEAR}`);

/**
 * A whole number from min to max: a JSON number, or digits as text (a CSV cell). Nothing else
 * is coerced: `true` or `[12]` is refused, not read as 1 or 12.
 */
export function wholeNumber(min: number, max: number) {
  const reason = `must be a whole number from ${min} to ${max}`;
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .trim()
          .regex(/^-?\d{1,10}$/)
          .transform(Number),
      ],
      {
        error: reason,
      },
    )
    .pipe(z.number().int(reason).min(min, reason).max(max, reason));
}

/** Text a column stores: no control characters (PostgreSQL text cannot hold NUL), bounded. */
export function storedText(max: number) {
  return z
    .string({ error: "must be text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((text) => !hasControlCharacter(text), NO_CONTROL);
}
export const refText = storedText(MAX_REF_LENGTH);
export const nameText = storedText(MAX_NAME_LENGTH);
export const currencyCode = z
  .string({ error: "must be an ISO 4217 code" })
  .trim()
  .transform((code) => code.toUpperCase())
  .refine(isKnownCurrency, "is not a known ISO 4217 currency");
export const timeZoneName = z
  .string({ error: "must be an IANA time zone" })
  .trim()
  .refine((zone) => IANAZone.isValidZone(zone), 'is not an IANA time zone such as "Asia/Shanghai"');
export const localeTag = z
  .string({ error: 'must be "en" or "zh-CN"' })
  .trim()
  .transform((tag) => (tag.toLowerCase().startsWith("zh") ? "zh-CN" : tag.toLowerCase()))
  .refine((tag) => tag === "en" || tag === "zh-CN", 'must be "en" or "zh-CN"')
  .transform((tag) => tag as "en" | "zh-CN");
export const phoneNumber = z
  .string({ error: "must be a phone number in E.164 form" })
  .transform((text) => text.replace(/[\s().-]/g, ""))
  .refine((text) => /^\+[1-9]\d{6,14}$/.test(text), 'must be in E.164 form, e.g. "+447700900123"');
const YES = ["true", "yes", "1", "y"];
const NO = ["false", "no", "0", "n"];
export const yesNo = z
  .union([z.boolean(), z.string()], { error: 'must be "yes" or "no"' })
  .refine(
    (v) => typeof v === "boolean" || [...YES, ...NO].includes(v.trim().toLowerCase()),
    'must be "yes" or "no"',
  )
  .transform((v) => (typeof v === "boolean" ? v : YES.includes(v.trim().toLowerCase())));
/** An email address: one @, a dot in the domain, no spaces; at most 254 characters (RFC 5321). */
export const emailAddress = z
  .string({ error: "must be an email address" })
  .trim()
  .max(254, "must be at most 254 characters")
  .refine(
    (text) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && !hasControlCharacter(text),
    'must be an email address such as "dana@example.com"',
  );
/** A channel a lender may name as the borrower's preference. */
export const channelName = z
  .string({ error: 'must be "telegram", "sms" or "email"' })
  .trim()
  .transform((text) => text.toLowerCase())
  .refine(
    (text) => text === "telegram" || text === "sms" || text === "email",
    'must be "telegram", "sms" or "email"',
  )
  .transform((text) => text as "telegram" | "sms" | "email");
