// The words an SMS needs of its own, per locale: opt-out line, short nudges, keyword answers.
import type { Locale } from "../ports/borrowers.ts";

export interface SmsLocaleTemplates {
  /** Replaces a nudge's opt-out line: "Reply STOP to opt out of texts." */
  readonly optOut: string;
  /** A nudge too long for 3 segments, one loan: {lender} {amount} {dueDate} {loanRef}. */
  readonly shortOne: string;
  /** Several loans: the most pressing one's figures plus {more} (how many others). */
  readonly shortSeveral: string;
  /** The short form's disclosure, the next late fee: {fee} {feeDate}. */
  readonly shortFee: string;
  /** The short form's disclosure when no further late fee will be added. */
  readonly shortNoFurtherFees: string;
  /** The short form's disclosure for a loan without late fees. */
  readonly shortNoLateFees: string;
  /** The short form's disclosure, interest a month at today's balance: {interest}. */
  readonly shortInterest: string;
  /** A numbered choice: {n} {label}. */
  readonly choice: string;
  /** HELP: {lender}. */
  readonly help: string;
  /** After STOP: {lender}. */
  readonly stopped: string;
  /** After START: {lender}. */
  readonly started: string;
}

export type SmsTemplates = Readonly<Record<Locale, SmsLocaleTemplates>>;
