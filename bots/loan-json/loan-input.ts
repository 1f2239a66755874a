// Loans and transactions as JSON in (CLI, API, simulator): validated with zod, then turned into core values.
import { z } from "zod";
import { isIsoDate } from "../../core/dates/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import type { Loan, Transaction } from "../../core/ledger/index.ts";
import { isKnownCurrency, type Money, parseMoney, parseRate } from "../../core/money/index.ts";
import { generateSchedule, type LoanTerms } from "../../core/schedule/index.ts";
import { InputError } from "./input-error.ts";

const decimal = z
  .string({ error: 'must be a decimal string such as "1200.00"' })
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string such as "1200.00"');
const rate = z
  .string({ error: 'must be a decimal string such as "0.1299"' })
  .regex(/^\d+(\.\d+)?$/, 'must be a non-negative decimal string such as "0.1299"');
const date = z
  .string({ error: "must be a date (YYYY-MM-DD)" })
  .refine(isIsoDate, "must be a date (YYYY-MM-DD)");
const positiveInt = z.number({ error: "must be a whole number" }).int("must be a whole number");

export const termsSchema = z.strictObject({
  principal: decimal,
  currency: z
    .string({ error: "must be an ISO 4217 code" })
    .refine(isKnownCurrency, "is not a known ISO 4217 currency"),
  annualRate: rate,
  termCount: positiveInt.min(1, "must be at least 1"),
  frequency: z.enum(["monthly", "biweekly", "weekly"]),
  disbursedOn: date,
  firstDueDate: date.optional(),
  method: z.enum(["annuity", "equal-principal"]),
  interest: z.enum(["declining", "flat"]).default("declining"),
  dayCount: z.enum(["30/360", "actual/365"]).default("30/360"),
  graceOnPrincipal: positiveInt.min(0, "must not be negative").optional(),
});

const loanSchema = termsSchema.extend({
  lateFee: z
    .strictObject({
      flat: decimal.optional(),
      percent: rate.optional(),
      graceDays: positiveInt.min(0, "must not be negative").default(0),
      cap: decimal.optional(),
    })
    .optional(),
  rateCap: rate.optional(),
});

const installmentSchema = z.strictObject({
  n: positiveInt.optional(),
  dueDate: date,
  principal: decimal,
  interest: decimal.default("0"),
  fees: decimal.default("0"),
  penalties: decimal.default("0"),
  carriedInterest: decimal.optional(),
  total: decimal.optional(),
});

const transactionSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("payment"), date, amount: decimal }),
    z.strictObject({ type: z.literal("fee"), date, amount: decimal }),
    z.strictObject({
      type: z.literal("waiver"),
      date,
      amount: decimal,
      component: z.enum(["fees", "penalties"]).optional(),
    }),
    z.strictObject({
      type: z.literal("reschedule"),
      date,
      plan: z.string().optional(),
      installments: z.array(installmentSchema).min(1, "must list at least one installment"),
    }),
  ],
  { error: 'must be one of "payment", "fee", "waiver", "reschedule"' },
);

export const stateSchema = z.strictObject({
  loan: loanSchema,
  transactions: z.array(transactionSchema).default([]),
  asOf: date,
  allocation: z.enum(["mifos-standard", "interest-principal-fees"]).default("mifos-standard"),
});

export const plansSchema = stateSchema.extend({
  affordable: decimal.optional(),
  maxTermCount: positiveInt.min(1, "must be at least 1").optional(),
});

/** Validates `input` against `schema`; the first problem becomes an InputError naming its field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0] as z.core.$ZodIssue;
  const field = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    throw new InputError(
      field ? `${field}.${issue.keys[0]}` : (issue.keys[0] ?? ""),
      `unknown field (${keys})`,
    );
  }
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
    throw new InputError(field, "is required");
  }
  throw new InputError(field, issue.message);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Converts with core, re-labelling a domain error with the input field it came from. */
export function convert<T>(field: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (isDomainError(error)) {
      const inner = typeof error.details.field === "string" ? error.details.field : "";
      const reason = error.message.startsWith(`${inner} `)
        ? error.message.slice(inner.length + 1)
        : error.message;
      throw new InputError([field, inner].filter(Boolean).join("."), reason);
    }
    throw error;
  }
}

export function toTerms(input: z.output<typeof termsSchema>, field = ""): LoanTerms {
  const at = (name: string) => [field, name].filter(Boolean).join(".");
  const principal = convert(at("principal"), () => parseMoney(input.principal, input.currency));
  if (principal.minor <= 0n) throw new InputError(at("principal"), "must be greater than zero");
  const terms: LoanTerms = {
    principal,
    annualRate: parseRate(input.annualRate),
    termCount: input.termCount,
    frequency: input.frequency,
    disbursedOn: input.disbursedOn,
    method: input.method,
    interest: input.interest,
    dayCount: input.dayCount,
    ...(input.firstDueDate ? { firstDueDate: input.firstDueDate } : {}),
    ...(input.graceOnPrincipal !== undefined ? { graceOnPrincipal: input.graceOnPrincipal } : {}),
  };
  convert(field, () => generateSchedule(terms));
  return terms;
}

export function toLoan(input: z.output<typeof loanSchema>): Loan {
  const terms = toTerms(input, "loan");
  const amount = (name: string, text: string) =>
    convert(`loan.${name}`, () => parseMoney(text, input.currency));
  const lateFee = input.lateFee;
  return {
    terms,
    schedule: generateSchedule(terms),
    ...(lateFee
      ? {
          lateFee: {
            graceDays: lateFee.graceDays,
            ...(lateFee.flat ? { flat: amount("lateFee.flat", lateFee.flat) } : {}),
            ...(lateFee.percent ? { percent: parseRate(lateFee.percent) } : {}),
            ...(lateFee.cap ? { cap: amount("lateFee.cap", lateFee.cap) } : {}),
          },
        }
      : {}),
    ...(input.rateCap ? { rateCap: parseRate(input.rateCap) } : {}),
  };
}

export function toTransactions(
  input: z.output<typeof stateSchema>["transactions"],
  currency: string,
): Transaction[] {
  return input.map((tx, i) => {
    const at = (name: string) => `transactions.${i}.${name}`;
    const positive = (name: string, text: string): Money => {
      const value = convert(at(name), () => parseMoney(text, currency));
      if (value.minor <= 0n) throw new InputError(at(name), "must be greater than zero");
      return value;
    };
    if (tx.type === "reschedule") {
      return {
        type: "reschedule",
        date: tx.date,
        ...(tx.plan ? { plan: tx.plan } : {}),
        installments: tx.installments.map((row, k) => {
          const part = (
            name: "principal" | "interest" | "fees" | "penalties" | "carriedInterest",
          ) =>
            convert(`${at("installments")}.${k}.${name}`, () =>
              parseMoney(row[name] ?? "0", currency),
            );
          return {
            n: row.n ?? k + 1,
            dueDate: row.dueDate,
            principal: part("principal"),
            interest: part("interest"),
            fees: part("fees"),
            penalties: part("penalties"),
            ...(row.carriedInterest !== undefined
              ? { carriedInterest: part("carriedInterest") }
              : {}),
          };
        }),
      };
    }
    if (tx.type === "waiver") {
      return {
        type: "waiver",
        date: tx.date,
        amount: positive("amount", tx.amount),
        ...(tx.component ? { component: tx.component } : {}),
      };
    }
    return { type: tx.type, date: tx.date, amount: positive("amount", tx.amount) };
  });
}
