// Coded errors of the assistant: a turn it cannot answer at all.
import { DomainError } from "../errors/domain-error.ts";

export const AssistantErrorCode = {
  UnknownBorrower: "UNKNOWN_BORROWER",
  InvalidTurn: "INVALID_TURN",
} as const;

export function unknownBorrower(borrowerId: string): DomainError {
  return new DomainError(AssistantErrorCode.UnknownBorrower, `no borrower "${borrowerId}"`, {
    borrowerId,
  });
}

export function invalidTurn(field: string, value: unknown): DomainError {
  return new DomainError(
    AssistantErrorCode.InvalidTurn,
    `turn.${field}: ${JSON.stringify(value)} is not valid`,
    { field, value },
  );
}
