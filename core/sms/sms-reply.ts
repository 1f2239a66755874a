// The assistant's reply as plain SMS text: its choices become "Reply 1 for ..." lines (pure).
import type { Choice, Reply } from "../assistant/reply.ts";
import { renderTemplate } from "../format/render-template.ts";
import type { SmsLocaleTemplates } from "./sms-templates.ts";

/** Choices beyond this are left out: a digit is one key press. */
export const MAX_SMS_CHOICES = 9;

export interface SmsReply {
  readonly text: string;
  /** The choices numbered 1..n, in order, to read a digit back as a tap. */
  readonly choices: readonly Choice[];
}

/** @example smsReplyText(reply, smsTemplates.en).text // "Your balance is ...\nReply 1 for Make a plan" */
export function smsReplyText(reply: Reply, templates: SmsLocaleTemplates): SmsReply {
  const choices = reply.choices.slice(0, MAX_SMS_CHOICES);
  const lines = choices.map((choice, i) =>
    renderTemplate(templates.choice, { n: String(i + 1), label: choice.label }),
  );
  return { text: [reply.text, ...lines].filter((l) => l !== "").join("\n"), choices };
}

/** The tapped choice a reply of just "1".."9" names, if that many were offered. */
export function choiceByDigit(text: string, offered: readonly Choice[]): Choice | undefined {
  const match = /^\s*([1-9])\s*\.?\s*$/.exec(text);
  return match ? offered[Number(match[1]) - 1] : undefined;
}
