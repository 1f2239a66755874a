// A nudge sized for SMS: the full text when it fits in 3 segments, else a short template (pure).
import { renderTemplate } from "../format/render-template.ts";
import type { NudgeFacts } from "../nudges/index.ts";
import { nudgeFigures } from "../nudges/nudge-figures.ts";
import { smsSize } from "./segments.ts";
import { smsDisclosureParts } from "./sms-disclosure.ts";
import type { SmsLocaleTemplates } from "./sms-templates.ts";

/** Carriers join at most this many parts reliably, and each one is billed. */
export const MAX_NUDGE_SEGMENTS = 3;

/**
 * `rendered` (a nudge whose last line is its opt-out line) for SMS: that line becomes the SMS
 * opt-out ("Reply STOP ..."). Too long for MAX_NUDGE_SEGMENTS, the short template of the
 * locale is used instead, with the most pressing loan's figures whole: a text is never cut,
 * so no figure is ever cut in half. A late notice's short form keeps a compact disclosure line
 * (the next late fee with its exact amount and date, then the interest a month); when the
 * budget cannot hold it all, the interest goes first, then the fee, never a figure in half.
 *
 * @example smsNudgeText(rendered.text, facts, smsTemplates.en)
 */
export function smsNudgeText(
  rendered: string,
  facts: NudgeFacts,
  templates: SmsLocaleTemplates,
): string {
  const lines = rendered.split("\n");
  const full = [...lines.slice(0, -1), templates.optOut].join("\n");
  if (smsSize(full).segments <= MAX_NUDGE_SEGMENTS) return full;
  const figures = nudgeFigures(facts);
  const first = figures.loans[0];
  if (!first) return full;
  const more = figures.loans.length - 1;
  const short = renderTemplate(more > 0 ? templates.shortSeveral : templates.shortOne, {
    lender: facts.lenderName,
    amount: first.amount,
    dueDate: first.dueDate,
    loanRef: first.loanRef,
    more: String(more),
  });
  const parts = smsDisclosureParts(facts, templates);
  const separator = facts.locale === "zh-CN" ? "" : " ";
  for (let kept = parts.length; kept > 0; kept--) {
    const text = [short, parts.slice(0, kept).join(separator), templates.optOut].join("\n");
    if (smsSize(text).segments <= MAX_NUDGE_SEGMENTS) return text;
  }
  return `${short}\n${templates.optOut}`;
}
