// Message templates by locale, handed to core as data (core never imports prompts/).
import type { AssistantTemplates } from "../core/assistant/index.ts";
import type { EmailTemplates, UnsubscribeProblemTemplates } from "../core/email/index.ts";
import type { Course } from "../core/learn/index.ts";
import type { NudgeTemplates } from "../core/nudges/index.ts";
import type { Locale } from "../core/ports/index.ts";
import type { SmsTemplates } from "../core/sms/index.ts";
import { assistant as en } from "./en/assistant.ts";
import { course as enCourse } from "./en/course.ts";
import { email as enEmail, emailProblem as enEmailProblem } from "./en/email.ts";
import { nudges as enNudges } from "./en/nudges.ts";
import { sms as enSms } from "./en/sms.ts";
import { assistant as zhCN } from "./zh-CN/assistant.ts";
import { course as zhCNCourse } from "./zh-CN/course.ts";
import { email as zhCNEmail, emailProblem as zhCNEmailProblem } from "./zh-CN/email.ts";
import { nudges as zhCNNudges } from "./zh-CN/nudges.ts";
import { sms as zhCNSms } from "./zh-CN/sms.ts";

/** The assistant's templates for every locale: `createAssistant({ templates: assistantTemplates, ... })`. */
export const assistantTemplates: Readonly<Record<Locale, AssistantTemplates>> = {
  en,
  "zh-CN": zhCN,
};

/** Automated reminder templates for every locale: `renderNudge(facts, nudgeTemplates)`. */
export const nudgeTemplates: NudgeTemplates = { en: enNudges, "zh-CN": zhCNNudges };

/** SMS-only words for every locale: opt-out line, short nudges, keyword answers. */
export const smsTemplates: SmsTemplates = { en: enSms, "zh-CN": zhCNSms };

/** The short course on the borrower's own loan, per locale: `createAssistant({ course, ... })`. */
export const course: Readonly<Record<Locale, Course>> = { en: enCourse, "zh-CN": zhCNCourse };

/** Email-only words for every locale: subjects, opt-out line, unsubscribe pages. */
export const emailTemplates: EmailTemplates = { en: enEmail, "zh-CN": zhCNEmail };

/** A bad or expired unsubscribe link: the borrower's locale is unknown, so every locale is shown. */
export const emailProblemTemplates: readonly UnsubscribeProblemTemplates[] = [
  enEmailProblem,
  zhCNEmailProblem,
];
export { agentTexts, borrowerTexts, fillText } from "./slack.ts";
export { fill, type TelegramTexts, telegramTexts } from "./telegram.ts";
