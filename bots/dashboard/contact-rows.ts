// The decision records behind each figure of the Contacts and compliance page, as a table or CSV.
import { DateTime } from "luxon";
import type { ContactProfile } from "../../core/policy/index.ts";
import { weekStart } from "../../core/portfolio/index.ts";
import type { ContactRecord } from "../../core/ports/index.ts";
import { quietHourMessages } from "../nudger/simulate/contact-stats.ts";
import { messagesFrom } from "./contact-figures.ts";
import { link } from "./html.ts";
import type { Rows } from "./portfolio-rows.ts";

/** Which records a figure stands for: every field given must match. */
export interface ContactFilter {
  /** Sent decisions of the week starting that Monday (UTC). */
  readonly week?: string;
  readonly channel?: string;
  readonly decision?: string;
  readonly reason?: string;
  readonly borrower?: string;
  /** Sent decisions on this borrower-local day. */
  readonly localDate?: string;
  /** Sent at a quiet hour of the contact profile. */
  readonly quietHours?: boolean;
}

const FIELDS = ["week", "channel", "decision", "reason", "borrower", "localDate"] as const;

/** The filter from a request's query: unknown keys are ignored, values kept short. */
export function contactFilter(query: (key: string) => string | undefined): ContactFilter {
  const filter: Record<string, string | boolean> = {};
  for (const key of FIELDS) {
    const value = query(key)?.slice(0, 100);
    if (value) filter[key] = value;
  }
  if (query("quietHours") === "1") filter.quietHours = true;
  return filter as ContactFilter;
}

/** The rows page of a filter, with its query string kept for the CSV link. */
export function contactRowsHref(filter: ContactFilter, csv = false): string {
  const params = new URLSearchParams();
  for (const key of FIELDS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  if (filter.quietHours) params.set("quietHours", "1");
  return `/dashboard/contacts/rows${csv ? ".csv" : ""}?${params.toString()}`;
}

/** A count that opens the records behind it. */
export function countLink(filter: ContactFilter, count: number): string {
  return link(contactRowsHref(filter), count);
}

const localOf = (r: ContactRecord) => DateTime.fromISO(r.at, { zone: r.timeZone });

export function contactRows(
  records: readonly ContactRecord[],
  filter: ContactFilter,
  profile: ContactProfile,
  limit: number,
): Rows {
  const sentOnly = filter.week || filter.localDate || filter.quietHours;
  const quiet = filter.quietHours
    ? new Set(
        quietHourMessages(messagesFrom(records), profile).map((m) => `${m.borrowerId}|${m.at}`),
      )
    : undefined;
  const kept = records.filter(
    (r) =>
      (!sentOnly || r.decision === "sent") &&
      (!filter.week || weekStart(r.at.slice(0, 10)) === filter.week) &&
      (!filter.channel || r.channel === filter.channel) &&
      (!filter.decision || r.decision === filter.decision) &&
      (!filter.reason || r.reasons.includes(filter.reason)) &&
      (!filter.borrower || r.borrowerRef === filter.borrower) &&
      (!filter.localDate || localOf(r).toISODate() === filter.localDate) &&
      (!quiet || quiet.has(`${r.borrowerRef}|${r.at}`)),
  );
  return {
    head: ["at (UTC)", "local", "borrower", "channel", "kind", "decision", "stage", "reasons"],
    rows: kept
      .slice(0, limit)
      .map((r) => [
        r.at,
        localOf(r).toFormat("yyyy-MM-dd HH:mm ZZ"),
        r.borrowerRef,
        r.channel ?? "",
        r.kind,
        r.decision,
        r.stage,
        r.reasons.join(" "),
      ]),
  };
}
