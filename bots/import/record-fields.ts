// Field validators shared by import rows and the lender API: decimal text only, never floats.
import { IANAZone } from "luxon";
import { z } from "zod";
import { isIsoDate } from "../../core/dates/iso-date.ts";
import { isKnownCurrency } from "../../core/money/currency.ts";

export const decimalText = z
  .string({
    error: 'must be a decimal string such as "1200.00" (numbers are not accepted for money)',
  })
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a decimal such as "1200.00"');
export const rateText = z
  .string({ error: 'must be a decimal string such as "0.1299"' })
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal such as "0.1299"');
export const dateText = z
  .string({ error: "must be a date (YYYY-MM-DD)" })
  .trim()
  .refine(isIsoDate, "must be a date (YYYY-MM-DD)");
export const wholeNumber = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number");
export const refText = z
  .string({ error: "must be text" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");
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
export const yesNo = z
  .union([z.boolean(), z.string()])
  .transform((v) =>
    typeof v === "boolean" ? v : ["true", "yes", "1", "y"].includes(v.trim().toLowerCase()),
  );
