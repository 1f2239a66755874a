// Fills a prompt template's {name} slots; prompts are data in prompts/llm, handed to core.

/** Replaces each `{name}` with `values[name]`; unknown slots stay as written. */
export function fillPrompt(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => values[name] ?? slot);
}
