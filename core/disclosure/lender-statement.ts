// The lender's own statement on credit reporting and collections: verbatim, or nothing at all.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import { FORBIDDEN_CLAIMS } from "../text/forbidden-claims.ts";
import type { DisclosureLocaleTemplates } from "./disclosure-templates.ts";

// A lender may state its credit-reporting and collections practice (that is the point of the
// statement), but never a threat, an arrest or a word to third parties.
const NEVER = ["threat", "arrest", "thirdParty"] as const;

/**
 * The configured statement, trimmed; undefined when the lender configured none (the default).
 * Throws INVALID_DISCLOSURE when it threatens, mentions arrest or third parties.
 * @example lenderStatement(disclosure.en) // undefined
 */
export function lenderStatement(templates: DisclosureLocaleTemplates): string | undefined {
  const text = templates.lenderStatement.trim();
  if (text === "") return undefined;
  const claim = NEVER.find((name) => FORBIDDEN_CLAIMS[name]?.test(text));
  if (claim !== undefined) {
    throw new DomainError(
      ErrorCode.InvalidDisclosure,
      `the lender's statement makes a ${claim} claim, which no message may make`,
      { template: "lenderStatement", claim },
    );
  }
  return text;
}
