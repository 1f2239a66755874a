// The button label for each intent a borrower can tap, in one place for buttons and the log.
import type { IntentName } from "../intents/types.ts";

export type IntentLabel =
  | "labelBalance"
  | "labelNextPayment"
  | "labelPayoff"
  | "labelPlan"
  | "labelPromise"
  | "labelAlreadyPaid"
  | "labelOptOut"
  | "labelOptIn"
  | "labelDispute"
  | "labelHuman"
  | "labelHelp"
  | "labelLearn";

/** Greetings and "unknown" are never offered as buttons. */
export const INTENT_LABELS: Readonly<Partial<Record<IntentName, IntentLabel>>> = {
  balance: "labelBalance",
  next_payment: "labelNextPayment",
  payoff_quote: "labelPayoff",
  plan_request: "labelPlan",
  promise_to_pay: "labelPromise",
  already_paid: "labelAlreadyPaid",
  opt_out: "labelOptOut",
  opt_in: "labelOptIn",
  dispute: "labelDispute",
  human_agent: "labelHuman",
  learn: "labelLearn",
  help: "labelHelp",
};
