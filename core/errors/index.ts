// Public API of errors: the coded DomainError every layer throws, and its codes.

export { ErrorCode } from "./codes.ts";
export { DomainError, isDomainError } from "./domain-error.ts";
