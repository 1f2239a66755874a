// Public API of text: control characters escaped before text reaches a log or an agent, and locales.
export { escapeControl, hasControlCharacter } from "./escape-control.ts";
export type { Locale } from "./locale.ts";
