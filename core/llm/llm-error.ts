// Why a model answer was not used: stable codes for logs and for the `rejectedBecause` field.
import { DomainError } from "../errors/domain-error.ts";

export const LlmErrorCode = {
  Timeout: "LLM_TIMEOUT",
  Failed: "LLM_FAILED",
  BadAnswer: "LLM_BAD_ANSWER",
} as const;

export type LlmErrorCode = (typeof LlmErrorCode)[keyof typeof LlmErrorCode];

export function llmError(
  code: LlmErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, message, details);
}

/** A short reason for an audit line: the error's code when it has one, else LLM_FAILED. */
export function failureReason(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("LLM_") ? code : LlmErrorCode.Failed;
}
