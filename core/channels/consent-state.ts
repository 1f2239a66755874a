// Whether each channel may carry automated messages, read from the consent record (pure).
import type { ConsentEvent } from "../ports/contact-points.ts";
import type { Channel } from "../ports/identities.ts";

/**
 * - granted: consent on record for the current address (SMS) or no opt-out (email).
 * - not_given: SMS with no opt-in for the current phone number (never asked, or the number changed).
 * - opted_out: the borrower's latest word on the channel is an opt-out.
 * - no_address: no phone number / email address on record.
 */
export type ConsentStatus = "granted" | "not_given" | "opted_out" | "no_address";

export interface ContactAddresses {
  readonly phone?: string;
  readonly email?: string;
}

/**
 * SMS needs an opt-in for the phone number on record now: a number that changed since loses
 * its consent until given again. An opt-out (STOP) holds until the next opt-in (START).
 */
export function smsConsent(events: readonly ConsentEvent[], phone?: string): ConsentStatus {
  if (!phone) return "no_address";
  let optedOut = false;
  // The number the last opt-in was given for; null: none standing.
  let grantedFor: string | null = null;
  for (const event of events) {
    if (event.channel !== "sms") continue;
    if (event.kind === "opt_in") {
      optedOut = false;
      grantedFor = event.address ?? phone;
    } else {
      if (event.kind === "opt_out") optedOut = true;
      grantedFor = null;
    }
  }
  if (optedOut) return "opted_out";
  return grantedFor === phone ? "granted" : "not_given";
}

/** Email needs no opt-in; an unsubscribe holds until the borrower opts in again. */
export function emailConsent(events: readonly ConsentEvent[], email?: string): ConsentStatus {
  if (!email) return "no_address";
  let status: ConsentStatus = "granted";
  for (const event of events) {
    if (event.channel !== "email") continue;
    if (event.kind === "opt_out") status = "opted_out";
    else if (event.kind === "opt_in") status = "granted";
  }
  return status;
}

/** The consent status of the channels that have rules of their own. */
export function consentStatus(
  channel: Channel,
  events: readonly ConsentEvent[],
  addresses: ContactAddresses,
): ConsentStatus | undefined {
  if (channel === "sms") return smsConsent(events, addresses.phone);
  if (channel === "email") return emailConsent(events, addresses.email);
  return undefined;
}
