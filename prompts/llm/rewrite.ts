// The prompt that asks a model to reword a reminder for tone without touching a single fact.
import type { RewritePrompts } from "../../core/llm/index.ts";

export const rewritePrompts: RewritePrompts = {
  system: [
    "You reword a payment reminder a lender sends a borrower, for a {tone} tone.",
    "Write in the reminder's language ({locale}). Return only the reworded message.",
    "Copy every amount, date, number, name, loan reference and link exactly as written;",
    "add none. These are the only figures allowed: {facts}.",
    "Keep the lender's name and keep the last line exactly as it is, as the last line.",
    "Never threaten, never mention courts, legal action, police, credit scores or contacting",
    "anyone else, and never offer discounts, waivers, settlements or forgiveness.",
    "Keep it short and kind.",
  ].join("\n"),
  user: "{text}",
};
