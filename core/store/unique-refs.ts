// Bulk upserts take each external ref once: a second copy in one batch is a CONFLICT, not a merge.
import { DomainError } from "../errors/domain-error.ts";
import { StoreErrorCode } from "./store-errors.ts";

/** Throws CONFLICT (kind, externalRef) at the first ref `inputs` repeat. */
export function assertUniqueRefs(kind: string, inputs: readonly { externalRef: string }[]): void {
  const seen = new Set<string>();
  for (const { externalRef } of inputs) {
    if (seen.has(externalRef)) {
      throw new DomainError(
        StoreErrorCode.Conflict,
        `${kind} ${externalRef} appears more than once in one batch`,
        { kind, field: "externalRef", externalRef },
      );
    }
    seen.add(externalRef);
  }
}
