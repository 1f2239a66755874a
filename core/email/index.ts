// Public API of email: the nudge as an email, its templates, and the unsubscribe token format.
export {
  composeEmailNudge,
  type EmailContent,
  type EmailNudgeInput,
  emailNudgeText,
} from "./email-nudge.ts";
export type {
  EmailLocaleTemplates,
  EmailTemplates,
  UnsubscribePageTemplates,
  UnsubscribeProblemTemplates,
} from "./email-templates.ts";
export { escapeHtml } from "./html-text.ts";
export {
  checkUnsubscribeToken,
  type SignPayload,
  type TokenCheck,
  type UnsubscribeClaims,
  unsubscribeToken,
} from "./unsubscribe-token.ts";
