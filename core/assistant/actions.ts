// Button actions: what each Choice.action means when it comes back, built and parsed in one place.
import { isIsoDate } from "../dates/iso-date.ts";
import { type IntentName, isIntentName } from "../intents/types.ts";

export type Action =
  | { readonly kind: "intent"; readonly intent: IntentName }
  | { readonly kind: "plan-pick"; readonly planId: string }
  | { readonly kind: "plan-confirm"; readonly planId: string }
  | { readonly kind: "plan-cancel" }
  | { readonly kind: "promise"; readonly date: string; readonly amount?: string };

/** Telegram's callback_data limit, in bytes. */
export const MAX_ACTION_BYTES = 64;

const PLAN_ID = /^[A-Za-z0-9_-]{1,48}$/;
const AMOUNT = /^\d{1,15}(\.\d{1,3})?$/;

export const actions = {
  intent: (intent: IntentName) => intent,
  pickPlan: (planId: string) => `plan:pick:${planId}`,
  confirmPlan: (planId: string) => `plan:confirm:${planId}`,
  cancelPlan: "plan:cancel",
  /** A promised date, with the amount the borrower named (a decimal string) when they named one. */
  promise: (date: string, amount?: string) =>
    amount === undefined ? `promise:${date}` : `promise:${date}:${amount}`,
} as const;

/** Reads a tapped action; undefined for anything we did not hand out (old, forged or garbled). */
export function parseAction(action: string): Action | undefined {
  if (action.length > MAX_ACTION_BYTES) return undefined;
  if (isIntentName(action)) return { kind: "intent", intent: action };
  if (action === actions.cancelPlan) return { kind: "plan-cancel" };
  const [head, verb, rest, ...extra] = action.split(":");
  if (head === "promise" && verb !== undefined && extra.length === 0) {
    if (!isIsoDate(verb)) return undefined;
    if (rest === undefined) return { kind: "promise", date: verb };
    return AMOUNT.test(rest) ? { kind: "promise", date: verb, amount: rest } : undefined;
  }
  if (head !== "plan" || rest === undefined || extra.length > 0 || !PLAN_ID.test(rest)) {
    return undefined;
  }
  if (verb === "pick") return { kind: "plan-pick", planId: rest };
  if (verb === "confirm") return { kind: "plan-confirm", planId: rest };
  return undefined;
}
