// Contact and compliance figures from contact records: per week and channel, reasons, breaches.
import { DateTime } from "luxon";
import type { ContactProfile } from "../../core/policy/index.ts";
import { weekStart } from "../../core/portfolio/index.ts";
import type { ContactRecord } from "../../core/ports/index.ts";
import {
  byBorrower,
  capsOf,
  type Message,
  quietHourMessages,
  worstRolling7,
} from "../nudger/simulate/contact-stats.ts";

export interface ContactFigures {
  /** Sent nudges per week (Monday) and channel, and the most one borrower got that week. */
  readonly weeks: {
    week: string;
    byChannel: Record<string, number>;
    total: number;
    mostToOne: number;
  }[];
  readonly reasons: { decision: string; reason: string; count: number }[];
  readonly quietHourBreaches: Message[];
  /** Borrower-local days with more nudges than the daily cap. */
  readonly dayCapBreaches: { borrowerRef: string; date: string; count: number }[];
  /** Borrowers who got more than the 7-day cap within 7 x 24 hours. */
  readonly weekCapBreaches: { borrowerRef: string; count: number; from: string; to: string }[];
  readonly worstBorrowerWeek?: { borrowerRef: string; week: string; count: number };
  readonly caps: ReturnType<typeof capsOf>;
}

/** The sent records as messages, with the borrower-local date and time the policy used. */
export function messagesFrom(records: readonly ContactRecord[]): Message[] {
  return records
    .filter((r) => r.decision === "sent")
    .map((r) => {
      const local = DateTime.fromISO(r.at, { zone: r.timeZone });
      return {
        borrowerId: r.borrowerRef,
        at: r.at,
        ms: Date.parse(r.at),
        localDate: local.toISODate() as string,
        localTime: local.toFormat("HH:mm"),
        channel: r.channel,
      };
    })
    .sort((a, b) => a.ms - b.ms);
}

export function contactFigures(
  records: readonly ContactRecord[],
  profile: ContactProfile,
): ContactFigures {
  const messages = messagesFrom(records);
  const caps = capsOf(profile);
  type Week = {
    byChannel: Record<string, number>;
    total: number;
    perBorrower: Map<string, number>;
  };
  const weeks = new Map<string, Week>();
  for (const m of messages) {
    const week = weekStart(m.at.slice(0, 10));
    const entry: Week = weeks.get(week) ?? { byChannel: {}, total: 0, perBorrower: new Map() };
    const channel = m.channel ?? "unknown";
    entry.byChannel[channel] = (entry.byChannel[channel] ?? 0) + 1;
    entry.total += 1;
    entry.perBorrower.set(m.borrowerId, (entry.perBorrower.get(m.borrowerId) ?? 0) + 1);
    weeks.set(week, entry);
  }
  let worstBorrowerWeek: ContactFigures["worstBorrowerWeek"];
  for (const [week, entry] of weeks) {
    for (const [borrowerRef, count] of entry.perBorrower) {
      if (!worstBorrowerWeek || count > worstBorrowerWeek.count)
        worstBorrowerWeek = { borrowerRef, week, count };
    }
  }
  const reasons = new Map<string, number>();
  for (const r of records) {
    if (r.decision === "sent") continue;
    for (const reason of r.reasons)
      reasons.set(`${r.decision}|${reason}`, (reasons.get(`${r.decision}|${reason}`) ?? 0) + 1);
  }
  const dayCounts = new Map<string, number>();
  for (const m of messages)
    dayCounts.set(
      `${m.borrowerId}|${m.localDate}`,
      (dayCounts.get(`${m.borrowerId}|${m.localDate}`) ?? 0) + 1,
    );
  const weekCapBreaches = [...byBorrower(messages).entries()].flatMap(([borrowerRef, own]) => {
    const peak = worstRolling7(own);
    return peak && peak.count > caps.per7Days
      ? [{ borrowerRef, count: peak.count, from: peak.from, to: peak.to }]
      : [];
  });
  return {
    weeks: [...weeks.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([week, e]) => ({
        week,
        byChannel: e.byChannel,
        total: e.total,
        mostToOne: Math.max(...e.perBorrower.values()),
      })),
    reasons: [...reasons.entries()]
      .map(([key, count]) => {
        const [decision = "", reason = ""] = key.split("|");
        return { decision, reason, count };
      })
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1)),
    quietHourBreaches: quietHourMessages(messages, profile),
    dayCapBreaches: [...dayCounts.entries()].flatMap(([key, count]) => {
      const [borrowerRef = "", date = ""] = key.split("|");
      return count > caps.perDay ? [{ borrowerRef, date, count }] : [];
    }),
    weekCapBreaches,
    ...(worstBorrowerWeek ? { worstBorrowerWeek } : {}),
    caps,
  };
}
