// Public API of the optional LLM: the port, rules-first understanding, and guarded rewording.

export { FORBIDDEN_CLAIMS } from "../text/forbidden-claims.ts";
export {
  type AnswerOptions,
  type AnswerPrompts,
  answerWithTools,
  type CoreTool,
  type ToolAnswer,
} from "./answer-with-tools.ts";
export {
  containsFact,
  type GuardedText,
  guardRewrite,
  type RewriteBounds,
  rewriteProblem,
  TELEGRAM_MAX_LENGTH,
} from "./guard-rewrite.ts";
export { failureReason, LlmErrorCode } from "./llm-error.ts";
export type { AnswerPrompt, ClassifyPrompt, Llm, LlmPrompt, LlmTool } from "./llm-port.ts";
export { MODEL_UNDERSTANDING_JSON_SCHEMA } from "./model-understanding.ts";
export {
  nudgeRequirements,
  type RewriteOptions,
  type RewritePrompts,
  rewriteNudge,
} from "./rewrite-nudge.ts";
export { type LlmScript, scriptedLlm } from "./scripted-llm.ts";
export {
  type ClassifyPrompts,
  DEFAULT_LLM_TIMEOUT_MS,
  type UnderstandingDecision,
  type UnderstandWithLlmOptions,
  understandWithLlm,
} from "./understand-with-llm.ts";
export { withDeadline } from "./with-deadline.ts";
