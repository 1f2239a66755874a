// How a borrower search query matches: ref or name (case-insensitive substring), or phone tail.
import type { Borrower } from "../ports/borrowers.ts";

export interface BorrowerQuery {
  /** Trimmed and lower-cased, for ref and name substrings. */
  readonly text: string;
  /** Set when the query is 4 or more digits (spaces, dashes, dots allowed): a phone's last digits. */
  readonly phoneDigits?: string;
}

const PHONE_TAIL = /^\+?[\d\s().-]+$/;

/** Undefined for a blank query, which matches nobody rather than everybody. */
export function borrowerQuery(query: string): BorrowerQuery | undefined {
  const text = query.trim().toLowerCase();
  if (text === "") return undefined;
  const digits = PHONE_TAIL.test(text) ? text.replace(/\D/g, "") : "";
  return digits.length >= 4 ? { text, phoneDigits: digits } : { text };
}

export function borrowerMatches(borrower: Borrower, query: BorrowerQuery): boolean {
  return (
    borrower.externalRef.toLowerCase().includes(query.text) ||
    borrower.name.toLowerCase().includes(query.text) ||
    (query.phoneDigits !== undefined && (borrower.phone ?? "").endsWith(query.phoneDigits))
  );
}

/** Search results come back by external ref, then id. */
export function compareBorrowers(a: Borrower, b: Borrower): number {
  if (a.externalRef !== b.externalRef) return a.externalRef < b.externalRef ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
