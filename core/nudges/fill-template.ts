// Fills one nudge template, insisting it uses exactly the variables it declares, each with a value.

import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { placeholdersOf, renderTemplate } from "../format/render-template.ts";

const PLACEHOLDER = /\{[A-Za-z]+\}/g;

function missing(id: string, message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(ErrorCode.TemplateMissing, `nudge template ${id}: ${message}`, {
    template: id,
    ...details,
  });
}

/**
 * Renders `template` with the `declared` variables taken from `values`. Throws TEMPLATE_MISSING
 * when the template is absent, leaves out a declared variable (a nudge must never drop the
 * amount, the date or the lender), uses an undeclared one or a stray brace, or a declared one
 * has no value.
 * @example fillTemplate("en/parts/payLink", "Pay here: {payLink}", ["payLink"], { payLink: "https://…" })
 */
export function fillTemplate(
  id: string,
  template: string | undefined,
  declared: readonly string[],
  values: Readonly<Record<string, string | undefined>>,
): string {
  if (typeof template !== "string") throw missing(id, "is missing");
  if (/[{}]/.test(template.replace(PLACEHOLDER, ""))) {
    throw missing(id, "has a brace that is not a {variable}");
  }
  const used = placeholdersOf(template);
  const unknown = used.find((name) => !declared.includes(name));
  if (unknown !== undefined) {
    throw missing(id, `uses {${unknown}}, which it does not take`, { variable: unknown });
  }
  const unused = declared.find((name) => !used.includes(name));
  if (unused !== undefined) throw missing(id, `leaves out {${unused}}`, { variable: unused });
  const variables: Record<string, string> = {};
  for (const name of declared) {
    const value = values[name];
    if (value === undefined) throw missing(id, `has no value for {${name}}`, { variable: name });
    variables[name] = value;
  }
  return renderTemplate(template, variables);
}
