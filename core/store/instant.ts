// Instants as the stores keep them: UTC ISO text with milliseconds, "2026-03-01T10:00:00.000Z".
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";

/**
 * Normalises an instant to `Date#toISOString()` form, so instants compare correctly as text
 * and match what a `timestamptz(3)` column hands back. Throws INVALID_INSTANT otherwise.
 */
export function toInstant(text: string, field = "instant"): string {
  const parsed = typeof text === "string" ? new Date(text) : new Date(Number.NaN);
  if (Number.isNaN(parsed.getTime())) {
    throw new DomainError(ErrorCode.InvalidInstant, `${field}: "${text}" is not an instant`, {
      field,
      text,
    });
  }
  return parsed.toISOString();
}
