// Public API of text: control characters escaped before text reaches a log or an agent, and locales.
export { escapeControl, hasControlCharacter } from "./escape-control.ts";
export { addedClaims, FORBIDDEN_CLAIMS } from "./forbidden-claims.ts";
export type { Locale } from "./locale.ts";
export { maskEmail } from "./mask-email.ts";
