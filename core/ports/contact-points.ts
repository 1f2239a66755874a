// Port: a borrower's contact points beyond the record (email), channel preference, and consent proof.
import type { Channel } from "./identities.ts";

/** What the lender told us about how to reach a borrower; phone lives on the borrower record. */
export interface ContactPreferences {
  readonly borrowerId: string;
  readonly email?: string;
  /** Tried first when it may be used. */
  readonly preferredChannel?: Channel;
  /** Tried next, in order, when the preferred channel is unreachable or opted out. */
  readonly fallbackOrder: readonly Channel[];
}

/** A change to contact preferences: undefined keeps a field, null clears it. */
export interface ContactPreferencesInput {
  readonly email?: string | null;
  readonly preferredChannel?: Channel | null;
  readonly fallbackOrder?: readonly Channel[];
}

export interface ContactPointStore {
  get(borrowerId: string): Promise<ContactPreferences | undefined>;
  /** `get` for many borrowers in one read: only borrowers with preferences have an entry. */
  forBorrowers(borrowerIds: readonly string[]): Promise<Map<string, ContactPreferences>>;
  /** Applies `input`; NOT_FOUND for an unknown borrower. Returns the preferences now. */
  set(borrowerId: string, input: ContactPreferencesInput): Promise<ContactPreferences>;
  /** Ids of the borrowers whose phone on record is exactly `phone` (E.164), in id order. */
  borrowersByPhone(phone: string): Promise<string[]>;
}

/**
 * - opt_in: the borrower agreed (source and the consent text version they were shown);
 *   START by SMS; an agent recording consent.
 * - opt_out: STOP and its synonyms, an unsubscribe link, an agent.
 * - address_changed: a new phone number or email address; an SMS opt-in does not carry over.
 */
export type ConsentEventKind = "opt_in" | "opt_out" | "address_changed";

export interface ConsentEvent {
  readonly id: string;
  readonly borrowerId: string;
  readonly channel: Channel;
  readonly kind: ConsentEventKind;
  /** "import", "api", "sms:STOP", "email:unsubscribe", "agent:<id>", "assistant", ... */
  readonly source: string;
  /** The phone number or email address the event is about. */
  readonly address?: string;
  /** For an opt-in: the version of the consent text shown. */
  readonly textVersion?: string;
  /** UTC ISO instant. */
  readonly at: string;
}

/** Append-only: events are never changed, so they prove when and how consent was given. */
export interface ConsentLog {
  append(event: Omit<ConsentEvent, "id">): Promise<ConsentEvent>;
  /** The borrower's events, oldest first (time, then id). */
  forBorrower(borrowerId: string): Promise<ConsentEvent[]>;
  /** `forBorrower` for many borrowers in one read: an entry for every id asked. */
  forBorrowers(borrowerIds: readonly string[]): Promise<Map<string, ConsentEvent[]>>;
}
