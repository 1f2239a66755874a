// What a model may say about a message: a zod schema for checking it and its JSON Schema to ask.
import { z } from "zod";
import { isIsoDate } from "../dates/iso-date.ts";
import { INTENT_NAMES } from "../intents/types.ts";

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;

/** The wire shape: every field present (structured outputs need that), null when absent. */
export const modelUnderstandingSchema = z.object({
  intent: z.enum(INTENT_NAMES),
  language: z.enum(["en", "zh-CN"]),
  date: z.string().nullable(),
  amount: z.string().nullable(),
});

/** Stricter than the wire: a real calendar date and a plain positive decimal. */
export const checkedUnderstandingSchema = modelUnderstandingSchema.extend({
  date: z.string().refine(isIsoDate, "not a YYYY-MM-DD calendar date").nullable(),
  amount: z
    .string()
    .regex(AMOUNT, "not a decimal string")
    .refine((amount) => Number(amount) > 0, "not positive")
    .nullable(),
});

export type ModelUnderstanding = z.infer<typeof checkedUnderstandingSchema>;

export const MODEL_UNDERSTANDING_JSON_SCHEMA: Readonly<Record<string, unknown>> = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(modelUnderstandingSchema);
  return schema;
})();
