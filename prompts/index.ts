// Message templates by locale, handed to core as data (core never imports prompts/).
import type { AssistantTemplates } from "../core/assistant/templates.ts";
import type { Locale } from "../core/ports/borrowers.ts";
import { assistant as en } from "./en/assistant.ts";
import { assistant as zhCN } from "./zh-CN/assistant.ts";

/** The assistant's templates for every locale: `createAssistant({ templates: assistantTemplates, ... })`. */
export const assistantTemplates: Readonly<Record<Locale, AssistantTemplates>> = {
  en,
  "zh-CN": zhCN,
};
