// The small HTML pages of the unsubscribe link: confirm with a button, done, or a bad/expired link.

import {
  type EmailLocaleTemplates,
  escapeHtml,
  type UnsubscribeProblemTemplates,
} from "../../core/email/index.ts";
import { renderTemplate } from "../../core/format/index.ts";
import type { Locale } from "../../core/ports/index.ts";

function page(lang: string, title: string, body: readonly string[]): string {
  return [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="font-family:sans-serif;max-width:36em;margin:2em auto;padding:0 1em">',
    ...body,
    "</body></html>",
  ].join("\n");
}

export interface PageFacts {
  readonly locale: Locale;
  readonly lenderName: string;
  readonly email: string;
  readonly templates: EmailLocaleTemplates;
}

function words(facts: PageFacts) {
  const values = { lender: facts.lenderName, email: facts.email };
  const t = facts.templates.page;
  return {
    title: renderTemplate(t.title, values),
    confirm: renderTemplate(t.confirm, values),
    done: renderTemplate(t.done, values),
    button: t.button,
  };
}

/** GET: the question and a button that posts the same one-click unsubscribe a mail client would. */
export function confirmPage(facts: PageFacts, action: string): string {
  const w = words(facts);
  return page(facts.locale, w.title, [
    `<h1>${escapeHtml(w.title)}</h1>`,
    `<p>${escapeHtml(w.confirm)}</p>`,
    `<form method="post" action="${escapeHtml(action)}">`,
    '<input type="hidden" name="List-Unsubscribe" value="One-Click">',
    `<button type="submit">${escapeHtml(w.button)}</button>`,
    "</form>",
  ]);
}

export function donePage(facts: PageFacts): string {
  const w = words(facts);
  return page(facts.locale, w.title, [
    `<h1>${escapeHtml(w.title)}</h1>`,
    `<p>${escapeHtml(w.done)}</p>`,
  ]);
}

/** A link that is not ours, was changed, or has expired: said in every locale. */
export function problemPage(
  problem: "bad" | "expired",
  templates: readonly UnsubscribeProblemTemplates[],
): string {
  const body = templates.flatMap((t) => [
    `<h1>${escapeHtml(t.title)}</h1>`,
    `<p>${escapeHtml(problem === "expired" ? t.expiredLink : t.badLink)}</p>`,
  ]);
  return page("en", templates[0]?.title ?? "Unsubscribe link", body);
}
