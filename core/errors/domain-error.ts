// A coded domain error: a stable string `code` callers can branch on, plus the data to act on.

export class DomainError extends Error {
  readonly code: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }
}

/** Throws a DomainError with `code` unless `condition` holds. */
export function assert(
  condition: unknown,
  code: string,
  message: string,
  details?: Record<string, unknown>,
): asserts condition {
  if (!condition) throw new DomainError(code, message, details);
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
