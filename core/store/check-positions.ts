// The rule every PortfolioStore applies before replacing a date's positions.
import { parseIsoDate } from "../dates/iso-date.ts";
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { LoanPosition } from "../ports/portfolio.ts";

/** Throws INVALID_DATE for a bad `asOf` or a position of another date; nothing is written then. */
export function checkPositions(asOf: string, positions: readonly LoanPosition[]): void {
  parseIsoDate(asOf, "asOf");
  positions.forEach((position, index) => {
    if (position.asOf !== asOf) {
      throw new DomainError(
        ErrorCode.InvalidDate,
        `position ${index} (loan ${position.loanId}) is of ${position.asOf}, not ${asOf}`,
        { field: `positions[${index}].asOf` },
      );
    }
  });
}
