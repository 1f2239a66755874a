// The errors every store throws the same way, whatever it keeps its rows in.
import { DomainError } from "../errors/domain-error.ts";

export const StoreErrorCode = {
  /** A write names a row (or refers to one) that does not exist. */
  NotFound: "NOT_FOUND",
  /** A write would break a uniqueness rule the port does not resolve by itself. */
  Conflict: "CONFLICT",
  /** A page size outside 0..MAX_PAGE_SIZE. */
  InvalidLimit: "INVALID_LIMIT",
} as const;

/** `notFound("loan", id)`: a DomainError with code NOT_FOUND and the kind and id. */
export function notFound(kind: string, id: string): DomainError {
  return new DomainError(StoreErrorCode.NotFound, `no ${kind} with id "${id}"`, { kind, id });
}

/** `conflict("link code", "codeHash")`: the value of `field` is taken. */
export function conflict(kind: string, field: string): DomainError {
  return new DomainError(StoreErrorCode.Conflict, `a ${kind} with this ${field} exists`, {
    kind,
    field,
  });
}
