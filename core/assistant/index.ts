// Public API of the assistant: build it over a store and templates, and send it turns.
export { MAX_ACTION_BYTES } from "./actions.ts";
export { type Assistant, createAssistant } from "./create-assistant.ts";
export type { AssistantDeps } from "./deps.ts";
export { AssistantErrorCode } from "./errors.ts";
export { LESSON_TAKEN, learnReply, lessonsTaken } from "./handlers/learn-reply.ts";
export { installmentRuns } from "./plan-text.ts";
export type { Choice, Reply } from "./reply.ts";
export {
  PAYMENT_POSTING_BUSINESS_DAYS,
  PROMISE_GRACE_DAYS,
  PROMISE_HORIZON_DAYS,
} from "./rules.ts";
export {
  type AssistantTemplates,
  TEMPLATE_KEYS,
  TEMPLATE_VARIABLES,
  type TemplateKey,
  type TemplateVariables,
} from "./templates.ts";
export type { Turn } from "./turn.ts";
