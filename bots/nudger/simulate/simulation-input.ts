// The simulator's input contract: borrowers, their loans (as `repay state` has them) and events.
import { z } from "zod";
import { isInstant, isTimeZone } from "../../../core/intents/index.ts";
import type { Transaction } from "../../../core/ledger/index.ts";
import { parseMoney } from "../../../core/money/index.ts";
import { contactProfile } from "../../../core/policy/index.ts";
import type {
  BorrowerFlags,
  Channel,
  LoanInput,
  LoanStatus,
  Locale,
} from "../../../core/ports/index.ts";
import {
  convert,
  InputError,
  stateSchema,
  toLoan,
  toTransactions,
  validate,
} from "../../loan-json/index.ts";
import { LLM_SCRIPTS, type LlmScriptName } from "./scripted-rewriter.ts";

const instant = z
  .string({ error: "must be an ISO instant with an offset, e.g. 2026-03-10T15:00:00Z" })
  .refine(isInstant, "must be an ISO instant with an offset, e.g. 2026-03-10T15:00:00Z");
const id = z
  .string({ error: "must be a string" })
  .min(1, "must not be empty")
  .max(100, "is too long");

const loanSchema = stateSchema.shape.loan.extend({
  id,
  status: z.enum(["active", "paid_off", "written_off"]).default("active"),
  transactions: stateSchema.shape.transactions,
});

const eventSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({
      type: z.literal("message"),
      at: instant,
      text: z.string().min(1),
      /** Where the borrower wrote; default their `channel`. */
      channel: z.enum(["telegram", "console", "sms"]).optional(),
    }),
    z.strictObject({
      type: z.literal("payment"),
      at: instant,
      loanId: id,
      amount: z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal string such as "100.00"'),
    }),
  ],
  { error: 'must be one of "message", "payment"' },
);

const borrowerSchema = z.strictObject({
  id,
  name: z.string().min(1, "must not be empty"),
  locale: z.enum(["en", "zh-CN"]).default("en"),
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as America/New_York"),
  channel: z.enum(["telegram", "console"]).default("telegram"),
  phone: z
    .string()
    .regex(/^\+[1-9]\d{6,14}$/, "must be E.164 such as +12125550101")
    .optional(),
  email: z.email("must be an email address").optional(),
  /** A Telegram chat id: the borrower is linked (as `channel: "telegram"` does). */
  telegramChatId: z.number().int().optional(),
  preferredChannel: z.enum(["telegram", "sms", "email"]).optional(),
  consent: z
    .strictObject({ sms: z.boolean().optional(), email: z.boolean().optional() })
    .optional(),
  flags: z
    .strictObject({
      deceased: z.boolean().optional(),
      bankruptcy: z.boolean().optional(),
      hardship: z.boolean().optional(),
    })
    .optional(),
  loans: z.array(loanSchema).min(1, "must list at least one loan"),
  events: z.array(eventSchema).default([]),
});

export const simulationSchema = z.strictObject({
  profile: z.string().default("default"),
  start: instant,
  days: z
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(366, "must be at most 366"),
  tickMinutes: z.number().int().min(1).max(1440).default(15),
  lenderName: z.string().min(1).default("Demo Lending"),
  /** "https://pay.example.com/{loanRef}?amount={amount}" */
  payLink: z.string().startsWith("https://", "must start with https://").optional(),
  borrowers: z.array(borrowerSchema).min(1, "must list at least one borrower"),
  /** A scripted model rewords every nudge; the guard decides which text goes out. */
  llm: z.strictObject({ script: z.enum(LLM_SCRIPTS) }).optional(),
});

export type SimulationEvent =
  | {
      readonly type: "message";
      readonly at: string;
      readonly text: string;
      readonly channel?: "telegram" | "console" | "sms";
    }
  | {
      readonly type: "payment";
      readonly at: string;
      readonly loanId: string;
      readonly amount: string;
    };

export interface SimulatedLoan {
  readonly id: string;
  readonly loan: Omit<LoanInput, "borrowerId" | "externalRef">;
  readonly status: LoanStatus;
  readonly transactions: readonly Transaction[];
}

export interface SimulatedBorrower {
  readonly id: string;
  readonly name: string;
  readonly locale: Locale;
  readonly timeZone: string;
  readonly channel: Channel;
  readonly phone?: string;
  readonly email?: string;
  readonly telegramChatId?: number;
  readonly preferredChannel?: "telegram" | "sms" | "email";
  readonly consent?: { readonly sms?: boolean; readonly email?: boolean };
  readonly flags: Partial<BorrowerFlags>;
  readonly loans: readonly SimulatedLoan[];
  readonly events: readonly SimulationEvent[];
}

export interface SimulationPlan {
  readonly profile: string;
  /** UTC ISO instant. */
  readonly start: string;
  readonly days: number;
  readonly tickMinutes: number;
  readonly lenderName: string;
  readonly payLink?: string;
  readonly borrowers: readonly SimulatedBorrower[];
  /** Reword nudges with this scripted model (scripted-rewriter.ts). */
  readonly llm?: { readonly script: LlmScriptName };
}

/** Re-labels an InputError from the loan-math converters with where the loan sits in the input. */
function within<T>(prefix: string, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const reason = error.message.slice(error.field.length + 2);
    const field = error.field.replace(/^loan(\.|$)/, "");
    throw new InputError([prefix, field].filter(Boolean).join("."), reason);
  }
}

/**
 * Validates simulator input; the first problem is an InputError naming its field
 * ("borrowers.0.loans.0.principal: must be a decimal string ...").
 */
export function toSimulationPlan(input: unknown): SimulationPlan {
  const parsed = validate(simulationSchema, input);
  convert("profile", () => contactProfile(parsed.profile));
  const seenLoans = new Set<string>();
  const seenBorrowers = new Set<string>();
  const borrowers = parsed.borrowers.map((b, i): SimulatedBorrower => {
    if (seenBorrowers.has(b.id))
      throw new InputError(`borrowers.${i}.id`, `"${b.id}" is used twice`);
    seenBorrowers.add(b.id);
    const loans = b.loans.map((l, j): SimulatedLoan => {
      const at = `borrowers.${i}.loans.${j}`;
      if (seenLoans.has(l.id)) throw new InputError(`${at}.id`, `"${l.id}" is used twice`);
      seenLoans.add(l.id);
      const { id: _id, status, transactions, ...terms } = l;
      const loan = within(at, () => toLoan(terms));
      return {
        id: l.id,
        status,
        loan: {
          terms: loan.terms,
          ...(loan.lateFee ? { lateFee: loan.lateFee } : {}),
          ...(loan.rateCap ? { rateCap: loan.rateCap } : {}),
        },
        transactions: within(at, () => toTransactions(transactions, l.currency)),
      };
    });
    const events = b.events.map((event, k): SimulationEvent => {
      if (event.type === "message") return event;
      const loan = b.loans.find((l) => l.id === event.loanId);
      if (!loan) {
        throw new InputError(
          `borrowers.${i}.events.${k}.loanId`,
          `no loan "${event.loanId}" of this borrower`,
        );
      }
      convert(`borrowers.${i}.events.${k}.amount`, () => parseMoney(event.amount, loan.currency));
      return event;
    });
    return {
      id: b.id,
      name: b.name,
      locale: b.locale,
      timeZone: b.timezone,
      channel: b.channel,
      ...(b.phone ? { phone: b.phone } : {}),
      ...(b.email ? { email: b.email } : {}),
      ...(b.telegramChatId !== undefined ? { telegramChatId: b.telegramChatId } : {}),
      ...(b.preferredChannel ? { preferredChannel: b.preferredChannel } : {}),
      consent: b.consent ?? {},
      flags: b.flags ?? {},
      loans,
      events,
    };
  });
  return {
    profile: parsed.profile,
    start: new Date(parsed.start).toISOString(),
    days: parsed.days,
    tickMinutes: parsed.tickMinutes,
    lenderName: parsed.lenderName,
    ...(parsed.payLink ? { payLink: parsed.payLink } : {}),
    borrowers,
    ...(parsed.llm ? { llm: parsed.llm } : {}),
  };
}
