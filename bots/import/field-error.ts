// A problem with one field of one record, reported as "line 12: principal: must be ...".
import type { z } from "zod";
import { escapeControl } from "../../core/text/index.ts";

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export interface RowError extends FieldError {
  readonly line: number;
}

export type RowResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The line as an operator reads it; control characters from the file come out escaped. */
export function formatRowError(error: RowError): string {
  return escapeControl(`line ${error.line}: ${error.field}: ${error.reason}`);
}

/** Every zod issue as a field error, "is required" for a missing field. */
export function zodErrors(error: z.ZodError, input: Record<string, unknown>): FieldError[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return { field: issue.keys.join(", "), reason: "unknown field" };
    }
    const missing = issue.code === "invalid_type" || issue.code === "invalid_union";
    if (missing && input[field] === undefined) {
      return { field, reason: "is required" };
    }
    return { field, reason: issue.message };
  });
}
