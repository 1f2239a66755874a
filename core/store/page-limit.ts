// Bounds every list a store returns: callers page through big sets instead of loading them.
import { DomainError } from "../errors/domain-error.ts";
import { StoreErrorCode } from "./store-errors.ts";

export const MAX_PAGE_SIZE = 1000;

/**
 * `limit` itself when it is a whole number in [0, MAX_PAGE_SIZE]; otherwise INVALID_LIMIT.
 * Refusing beats clamping: a caller paging "until a short page" would stop early on a clamp.
 */
export function pageLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE_SIZE) {
    throw new DomainError(
      StoreErrorCode.InvalidLimit,
      `a page holds 0 to ${MAX_PAGE_SIZE} rows, not ${limit}`,
      {
        limit,
        max: MAX_PAGE_SIZE,
      },
    );
  }
  return limit;
}
