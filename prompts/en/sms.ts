// SMS-only words in English: short nudges that keep every figure, keyword answers, choices.
import type { SmsLocaleTemplates } from "../../core/sms/index.ts";

export const sms: SmsLocaleTemplates = {
  optOut: "Reply STOP to opt out of texts.",
  shortOne: "{lender}: {amount} is due on {dueDate} for loan {loanRef}. Reply 1 for your balance.",
  shortSeveral:
    "{lender}: {amount} is due on {dueDate} for loan {loanRef}, and {more} more of your loans have payments due. Reply 1 for your balance.",
  shortFee: "Late fee {fee} if still unpaid on {feeDate}.",
  shortNoFurtherFees: "No further late fees.",
  shortNoLateFees: "No late fees on this loan.",
  shortInterest: "Interest: {interest} a month.",
  choice: "Reply {n} for {label}",
  help: "{lender}: payment reminders and answers about your loan. Reply STOP to opt out of texts, START to opt back in. Msg&data rates may apply.",
  stopped:
    "{lender}: you will get no more automated texts. Reply START to opt back in. You can still text us questions.",
  started: "{lender}: texts are back on. Reply STOP to opt out.",
};
