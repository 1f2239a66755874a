// Public API of SMS: sizing, short nudges, carrier keywords and plain-text replies.
export { type SmsKeyword, smsKeyword } from "./keywords.ts";
export { type SmsEncoding, type SmsSize, smsEncoding, smsSize } from "./segments.ts";
export { MAX_NUDGE_SEGMENTS, smsNudgeText } from "./sms-nudge.ts";
export { choiceByDigit, MAX_SMS_CHOICES, type SmsReply, smsReplyText } from "./sms-reply.ts";
export type { SmsLocaleTemplates, SmsTemplates } from "./sms-templates.ts";
