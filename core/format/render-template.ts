// Message templates with `{variable}` placeholders: filling them in, and listing what they take.

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/**
 * Fills a template's placeholders. A placeholder with no value stays as written, so a missing
 * variable shows up in review rather than as an empty gap in front of a borrower.
 * @example renderTemplate("Due on {date}", { date: "Friday, March 6" }) // "Due on Friday, March 6"
 */
export function renderTemplate(
  template: string,
  variables: Readonly<Record<string, string>>,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(variables, name) ? (variables[name] as string) : whole,
  );
}

/** The placeholder names a template uses, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}
