// Email-only words in English: subjects, the opt-out line, and the unsubscribe pages.
import type { EmailLocaleTemplates, UnsubscribeProblemTemplates } from "../../core/email/index.ts";

export const email: EmailLocaleTemplates = {
  subject: {
    pre_due: "{lender}: your next payment is coming up",
    due_today: "{lender}: your payment is due today",
    overdue: "{lender}: your payment is past due",
    follow_up: "{lender}: your payment is still open",
    plan_offer: "{lender}: a payment plan could help",
    broken_promise: "{lender}: we haven't received your planned payment",
    plan_installment: "{lender}: your payment plan installment is coming up",
    other: "{lender}: about your loan",
  },
  optOut: "You can stop these reminder emails at any time.",
  unsubscribe: "Unsubscribe",
  footer: "{lender} sent you this email about your loan.",
  page: {
    title: "{lender}: reminder emails",
    confirm: "Stop reminder emails from {lender} to {email}?",
    button: "Unsubscribe",
    done: "Done: {email} will get no more reminder emails from {lender}. You can still write to us with any question.",
  },
};

export const emailProblem: UnsubscribeProblemTemplates = {
  title: "Unsubscribe link",
  badLink:
    "This unsubscribe link is not valid. Please use the link in the latest email, or reply to it and ask us to stop.",
  expiredLink:
    "This unsubscribe link has expired. Please use the link in the latest email, or reply to it and ask us to stop.",
};
