// Automated reminders in English: firm, kind, exact. Figures and dates arrive as variables.
import type { NudgeLocaleTemplates } from "../../core/nudges/index.ts";
import { disclosure } from "./disclosure.ts";

export const nudges: NudgeLocaleTemplates = {
  one: {
    pre_due: {
      friendly:
        "Hi {name}, this is {lender}. A friendly reminder that your payment of {amount} is due on {dueDate}.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for staying on track. Your next payment of {amount} is due on {dueDate}.",
      direct: "Hi {name}, this is {lender}. Your next payment of {amount} is due on {dueDate}.",
    },
    due_today: {
      friendly:
        "Hi {name}, this is {lender}. Your payment of {amount} is due today, {dueDate}. If you've already paid, thank you.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for staying on track. Your payment of {amount} is due today, {dueDate}.",
      direct: "Hi {name}, this is {lender}. Your payment of {amount} is due today, {dueDate}.",
    },
    overdue: {
      friendly:
        "Hi {name}, this is {lender}. Your payment due on {dueDate} hasn't reached us yet. It is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. If it's already on its way, thank you.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for working with us so far. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. We're here to help if anything has changed.",
      direct:
        "Hi {name}, this is {lender}. Your payment due on {dueDate} is now {daysPastDue} past due. The amount to pay is {amount}{feesNote}. Please pay it, or tell us what you can manage.",
    },
    follow_up: {
      friendly:
        "Hi {name}, this is {lender} following up. Your payment due on {dueDate} is still open, now {daysPastDue} past due. The amount to pay is {amount}{feesNote}. If something has come up, we'd like to help.",
      reassuring:
        "Hi {name}, this is {lender} checking in. Your payment due on {dueDate} is still open, now {daysPastDue} past due. The amount to pay is {amount}{feesNote}. Whatever has come up, we can work through it together.",
      direct:
        "Hi {name}, this is {lender}. Your payment due on {dueDate} is still unpaid, now {daysPastDue} past due. The amount to pay is {amount}{feesNote}. Please pay it, or tell us what you can manage.",
    },
    plan_offer: {
      friendly:
        "Hi {name}, this is {lender}. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. If paying it all at once is hard, a payment plan can spread it into smaller amounts.",
      reassuring:
        "Hi {name}, this is {lender}. We understand that money can be tight. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. A payment plan could make this easier, and we'd be glad to set one up with you.",
      direct:
        "Hi {name}, this is {lender}. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. Let's agree on a way forward: pay it in full or set up a payment plan.",
    },
    broken_promise: {
      friendly:
        "Hi {name}, this is {lender}. You planned to pay on {promisedFor}, and we haven't received the payment yet. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. If plans changed, that's okay; just let us know.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for letting us know you'd pay on {promisedFor}. We haven't seen that payment yet. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. If something got in the way, we can find another way together.",
      direct:
        "Hi {name}, this is {lender}. We haven't received the payment you planned for {promisedFor}. Your payment due on {dueDate} is now {daysPastDue} past due, and the amount to pay is {amount}{feesNote}. Please pay it, or tell us a date or plan that works for you.",
    },
    plan_installment: {
      friendly:
        "Hi {name}, this is {lender}. A friendly reminder that your payment plan installment of {amount} is due on {dueDate}.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for working through your payment plan with us. Your next installment of {amount} is due on {dueDate}.",
      direct:
        "Hi {name}, this is {lender}. Your payment plan installment of {amount} is due on {dueDate}.",
    },
  },
  several: {
    pre_due: {
      friendly:
        "Hi {name}, this is {lender}. A friendly reminder about the next payments on your {loanCount} loans:\n{loans}",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for staying on track. Here are the next payments on your {loanCount} loans:\n{loans}",
      direct: "Hi {name}, this is {lender}. The next payments on your {loanCount} loans:\n{loans}",
    },
    due_today: {
      friendly:
        "Hi {name}, this is {lender}. Payments on your {loanCount} loans are due today:\n{loans}\nIf you've already paid, thank you.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for staying on track. Payments on your {loanCount} loans are due today:\n{loans}",
      direct:
        "Hi {name}, this is {lender}. Payments on your {loanCount} loans are due today:\n{loans}",
    },
    overdue: {
      friendly:
        "Hi {name}, this is {lender}. Some payments on your {loanCount} loans haven't reached us yet:\n{loans}\nIf they're already on their way, thank you.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for working with us so far. Some payments on your {loanCount} loans are now past due:\n{loans}\nWe're here to help if anything has changed.",
      direct:
        "Hi {name}, this is {lender}. Payments on your {loanCount} loans are past due:\n{loans}\nPlease pay them, or tell us what you can manage.",
    },
    follow_up: {
      friendly:
        "Hi {name}, this is {lender} following up. Payments on your {loanCount} loans are still open:\n{loans}\nIf something has come up, we'd like to help.",
      reassuring:
        "Hi {name}, this is {lender} checking in. Payments on your {loanCount} loans are still open:\n{loans}\nWhatever has come up, we can work through it together.",
      direct:
        "Hi {name}, this is {lender}. Payments on your {loanCount} loans are still unpaid:\n{loans}\nPlease pay them, or tell us what you can manage.",
    },
    plan_offer: {
      friendly:
        "Hi {name}, this is {lender}. Payments on your {loanCount} loans are past due:\n{loans}\nIf paying it all at once is hard, a payment plan can spread it into smaller amounts.",
      reassuring:
        "Hi {name}, this is {lender}. We understand that money can be tight. Payments on your {loanCount} loans are past due:\n{loans}\nA payment plan could make this easier, and we'd be glad to set one up with you.",
      direct:
        "Hi {name}, this is {lender}. Payments on your {loanCount} loans are past due:\n{loans}\nLet's agree on a way forward: pay in full or set up a payment plan.",
    },
    broken_promise: {
      friendly:
        "Hi {name}, this is {lender}. You planned to pay on {promisedFor}, and we haven't received the payment yet. Here is where your {loanCount} loans stand:\n{loans}\nIf plans changed, that's okay; just let us know.",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for letting us know you'd pay on {promisedFor}. We haven't seen that payment yet. Here is where your {loanCount} loans stand:\n{loans}\nIf something got in the way, we can find another way together.",
      direct:
        "Hi {name}, this is {lender}. We haven't received the payment you planned for {promisedFor}. Here is where your {loanCount} loans stand:\n{loans}\nPlease pay, or tell us a date or plan that works for you.",
    },
    plan_installment: {
      friendly:
        "Hi {name}, this is {lender}. A friendly reminder about the next installments of your payment plans on your {loanCount} loans:\n{loans}",
      reassuring:
        "Hi {name}, this is {lender}. Thank you for working through your payment plans with us. The next installments on your {loanCount} loans:\n{loans}",
      direct:
        "Hi {name}, this is {lender}. The next installments on your {loanCount} loans:\n{loans}",
    },
  },
  parts: {
    loanUpcoming: "• Loan {loanRef}: {amount} due on {dueDate}",
    loanLate:
      "• Loan {loanRef}: payment due on {dueDate}, now {daysPastDue} past due; amount to pay {amount}{feesNote}",
    // Follows the amount directly, so it carries its own leading space.
    feesNote: " (including {fees} in late fees and charges)",
    daysOne: "{count} day",
    daysOther: "{count} days",
    payLink: "Pay here: {payLink}",
    payLinkFor: "Pay loan {loanRef} here: {payLink}",
    planStep: "If paying is hard right now, reply PLAN to see payment plan options.",
    optOut: "Reply STOP to stop these reminders.",
  },
  disclosure,
  // One line inviting a lesson, at most once every 14 days; empty: never.
  learnInvite: "",
};
