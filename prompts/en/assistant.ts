// The repayment assistant's replies in English: warm, brief, exact. Figures arrive as variables.
import type { AssistantTemplates } from "../../core/assistant/index.ts";
import { disclosure } from "./disclosure.ts";

export const assistant: AssistantTemplates = {
  greeting: "Hello {name}! I'm the {lender} repayment assistant. How can I help today?",
  help: "I can tell you your balance, your next payment and a payoff amount, set up a payment plan, note when you plan to pay, or connect you with a person at {lender}. Send STOP at any time to stop automated reminders here.",
  unknown: "Sorry, I didn't quite catch that. Here's what I can help with:",
  noLoans:
    "I can't find an active loan with {lender} for you. If that doesn't look right, a person from our team can check.",
  loanHeading: "Loan {loanRef}:",
  balanceTotal: "Your balance is {total}.",
  balanceOverdue: "{overdue} of that is overdue ({late}).",
  daysPastDue: "{days} days past due",
  daysPastDueOne: "one day past due",
  balanceOverdueParts:
    "Overdue: {principal} principal, {interest} interest, {fees} fees, {penalties} late fees.",
  balanceUpToDate: "Nothing is overdue. Thank you for staying on track.",
  balanceCredit: "You also have a credit of {credit} from payments beyond what was due.",
  nextDue: "Your next payment of {amount} is due on {date}.",
  noNextDue: "There are no more payments scheduled.",
  nextPaymentOverdue: "There's also {overdue} overdue from earlier payments.",
  payoffQuote:
    "To pay off your loan in full, the amount is {amount}. This quote is valid until the end of {validUntil} (your local time).",
  payLink: "You can pay here: {link}",
  planIntro: "Here are the plans I can offer:",
  planIntroAffordable:
    "Here are the plans I can offer with payments of {affordable} or less where possible:",
  planOption:
    "• {kind}: {about}. {payments} from {first} to {last}: {runs}. Total {total} ({cost}).",
  planPayments: "{count} payments",
  planPaymentsOne: "One payment",
  planRun: "{count} × {amount}",
  planRunRange: "{count} × {low} to {high}",
  planRunThen: ", then ",
  planCostMore: "{extra} more than your current schedule",
  planCostNone: "no extra cost",
  planCostLess: "{saving} less than your current schedule",
  planPrompt: "Tap a plan to see it once more before you agree. Nothing changes until you confirm.",
  planNoneNeeded:
    "Good news: your loan is up to date, so you don't need a plan right now. If things get harder, just ask.",
  planNoneAffordable:
    "I couldn't find a plan with payments of {affordable} or less. A person from our team can look at other options with you.",
  planNone:
    "I can't set up a plan for this loan here. A person from our team can look at options with you.",
  planPicked:
    "{kind}: {about}. {payments} from {first} to {last}: {runs}. Total {total} ({cost}). {terms} Shall I set it up?",
  // A plan's rate and missed-payment rule: worded once, with the other disclosures.
  planRate: disclosure.planRate,
  planRateFrozen: disclosure.planRateFrozen,
  planMissedFee: disclosure.planMissedFee,
  planMissedNoFee: disclosure.planMissedNoFee,
  planAccepted:
    "Your plan is in place. Your first payment under it is {amount}, due on {date}. Thank you for working this out with us.",
  planAlreadyAccepted: "You already have a payment plan in place, so nothing more to do.",
  planUnavailable: "That option isn't available any more. Here's what I can help with:",
  planStale: "Your balance has changed since I worked out those plans, so here are updated ones.",
  planCancelled: "No problem, nothing has changed. You can come back to a plan whenever you like.",
  kindCatchUp: "Catch-up plan",
  kindExtended: "Longer term",
  kindHardship: "Hardship plan",
  aboutCatchUp: "spreads what's overdue over your next payments",
  aboutExtended: "lowers each payment by spreading your balance over a longer time",
  aboutHardship: "smaller payments for a while with interest paused, then regular payments",
  promiseAskDate: "Thank you for letting us know. When do you expect to pay?",
  promisePastDate: "That date has already passed. When do you expect to pay?",
  promiseTooFar:
    "I can note a payment date up to {maxDays} days from today. If paying that soon is hard, a payment plan may help.",
  promiseRecorded:
    "Thank you. I've noted that you plan to pay {amount} on {date}. We won't send reminders about it before then.",
  promiseNothingDue:
    "There's nothing due on your loan right now, so there's no need to arrange a payment.",
  alreadyPaid:
    "Thank you for your payment! Payments can take up to {days} business days to show on your account. If it hasn't appeared by then, let us know.",
  optOut:
    "Done. You won't get automated reminders on this channel any more. You can still message me any time, and send START to turn reminders back on.",
  optIn:
    "Welcome back. Automated reminders are on again for this channel. Send STOP at any time to stop them.",
  dispute:
    "Thank you for telling us. A person from our team will review this, and reminders are paused while they do.",
  humanAgent:
    "I'm connecting you with a person from {lender}. They'll reply here as soon as they can.",
  humanAgentAlready: "A person from our team already has your conversation and will reply here.",
  labelBalance: "Balance",
  labelNextPayment: "Next payment",
  labelPayoff: "Payoff amount",
  labelPlan: "Payment plan",
  labelPromise: "I'll pay on…",
  labelHuman: "Talk to a person",
  labelHelp: "Help",
  labelLearn: "A lesson on my loan",
  labelChoosePlan: "Choose: {kind}",
  labelConfirmPlan: "Yes, set it up",
  labelCancelPlan: "Not now",
  labelTomorrow: "Tomorrow",
  clarify: "I want to be sure I understood you. Did you mean:",
  clarifyConfirm: "Before I note anything, please tell me what you meant:",
  labelAlreadyPaid: "I already paid",
  labelOptOut: "Stop reminders",
  labelOptIn: "Resume reminders",
  labelDispute: "Something is wrong",
  labelPromiseOn: "I'll pay on {date}",
  labelSomethingElse: "Something else",
};
