// Message templates by locale, handed to core as data (core never imports prompts/).
import type { AssistantTemplates } from "../core/assistant/templates.ts";
import type { NudgeTemplates } from "../core/nudges/index.ts";
import type { Locale } from "../core/ports/borrowers.ts";
import { assistant as en } from "./en/assistant.ts";
import { nudges as enNudges } from "./en/nudges.ts";
import { assistant as zhCN } from "./zh-CN/assistant.ts";
import { nudges as zhCNNudges } from "./zh-CN/nudges.ts";

/** The assistant's templates for every locale: `createAssistant({ templates: assistantTemplates, ... })`. */
export const assistantTemplates: Readonly<Record<Locale, AssistantTemplates>> = {
  en,
  "zh-CN": zhCN,
};

/** Automated reminder templates for every locale: `renderNudge(facts, nudgeTemplates)`. */
export const nudgeTemplates: NudgeTemplates = { en: enNudges, "zh-CN": zhCNNudges };
