// A nudge as an email: subject, plain text and HTML with the exact figures and an unsubscribe link (pure).
import { renderTemplate } from "../format/index.ts";
import type { NudgeFacts } from "../nudges/index.ts";
import type { Locale } from "../ports/borrowers.ts";
import type { EmailLocaleTemplates } from "./email-templates.ts";
import { escapeHtml } from "./html-text.ts";

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface EmailNudgeInput {
  /** The nudge as sent (its last line the email opt-out line, see emailNudgeText). */
  readonly text: string;
  readonly facts?: NudgeFacts;
  readonly locale: Locale;
  readonly lenderName: string;
  readonly templates: EmailLocaleTemplates;
  /** The signed one-click unsubscribe link. */
  readonly unsubscribeUrl: string;
}

/**
 * `rendered` (a nudge whose last line is its opt-out line) for email: that line becomes the
 * email opt-out line, which the composed email follows with the unsubscribe link.
 * @example emailNudgeText(rendered.text, emailTemplates.en)
 */
export function emailNudgeText(rendered: string, templates: EmailLocaleTemplates): string {
  const lines = rendered.split("\n");
  return [...lines.slice(0, -1), templates.optOut].join("\n");
}

/** One line as HTML: escaped, with each pay link of the facts (and only those) clickable. */
function htmlLine(line: string, links: readonly string[]): string {
  let html = escapeHtml(line);
  for (const link of links) {
    const escaped = escapeHtml(link);
    html = html.split(escaped).join(`<a href="${escaped}">${escaped}</a>`);
  }
  return html;
}

/**
 * Subject from the nudge kind, the nudge text word for word (every figure exactly as rendered),
 * the opt-out line (added if the text lost it) and the unsubscribe link, in both parts.
 * @example composeEmailNudge({ text, facts, locale: "en", lenderName, templates: emailTemplates.en, unsubscribeUrl })
 */
export function composeEmailNudge(input: EmailNudgeInput): EmailContent {
  const { templates: t, unsubscribeUrl: url } = input;
  const lender = { lender: input.lenderName };
  const subject = renderTemplate(t.subject[input.facts?.kind ?? "other"], lender);
  const lines = input.text.split("\n").filter((line) => line.trim() !== "");
  if (!lines.includes(t.optOut)) lines.push(t.optOut);
  const footer = renderTemplate(t.footer, lender);
  const text = [...lines, "", `${t.unsubscribe}: ${url}`, "", footer].join("\n");
  const links = (input.facts?.loans ?? []).flatMap((loan) => (loan.payLink ? [loan.payLink] : []));
  const paragraphs = lines.map((line) =>
    line === t.optOut
      ? `<p>${escapeHtml(line)} <a href="${escapeHtml(url)}">${escapeHtml(t.unsubscribe)}</a></p>`
      : `<p>${htmlLine(line, links)}</p>`,
  );
  const html = [
    "<!doctype html>",
    `<html lang="${input.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    "<body>",
    ...paragraphs,
    `<p style="color:#666;font-size:small">${escapeHtml(footer)}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject, text, html };
}
