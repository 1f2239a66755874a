// What a borrower upsert writes, and whether it changes anything: shared by every store.
import type { Borrower, BorrowerFlags, BorrowerInput } from "../ports/borrowers.ts";

export const NO_FLAGS: BorrowerFlags = { deceased: false, bankruptcy: false, hardship: false };

/** Only the flags actually given: `{ hardship: undefined }` changes nothing. */
export function givenFlags(flags: Partial<BorrowerFlags> | undefined): Partial<BorrowerFlags> {
  const given: { -readonly [K in keyof BorrowerFlags]?: boolean } = {};
  for (const key of Object.keys(NO_FLAGS) as (keyof BorrowerFlags)[]) {
    const value = flags?.[key];
    if (value !== undefined) given[key] = value;
  }
  return given;
}

/**
 * The borrower `input` describes. The input is the lender's whole record, except flags: a
 * flag it leaves out keeps its current value (an agent's "deceased" survives a re-import).
 */
export function borrowerFrom(id: string, input: BorrowerInput, current?: Borrower): Borrower {
  return {
    id,
    externalRef: input.externalRef,
    name: input.name,
    ...(input.phone ? { phone: input.phone } : {}),
    locale: input.locale,
    timeZone: input.timeZone,
    flags: { ...(current?.flags ?? NO_FLAGS), ...givenFlags(input.flags) },
  };
}

export function sameBorrower(a: Borrower, b: Borrower): boolean {
  return (
    a.externalRef === b.externalRef &&
    a.name === b.name &&
    a.phone === b.phone &&
    a.locale === b.locale &&
    a.timeZone === b.timeZone &&
    a.flags.deceased === b.flags.deceased &&
    a.flags.bankruptcy === b.flags.bankruptcy &&
    a.flags.hardship === b.flags.hardship
  );
}
