// Public API of format: amounts, dates and templates as borrowers read them, for replies and nudges.
export { formatAmount } from "./format-amount.ts";
export { formatDay, formatWeekday } from "./format-day.ts";
export { placeholdersOf, renderTemplate } from "./render-template.ts";
