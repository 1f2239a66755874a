// Contact counts from simulator lines: messages per borrower, per local day, per rolling 7 days.
import { DateTime } from "luxon";
import {
  type ContactProfile,
  effectiveWeeklyCap,
  HARD_CEILING_PER_7_DAYS,
} from "../../../core/policy/index.ts";
import type { OptOutRecord, SimulationLine } from "./run-simulation.ts";

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** One message: the lines one borrower got at one instant (a message may cover several loans). */
export interface Message {
  readonly borrowerId: string;
  readonly at: string;
  readonly ms: number;
  /** The borrower-local date and "HH:MM". */
  readonly localDate: string;
  readonly localTime: string;
  readonly channel: string | null;
}

export function messagesOf(lines: readonly SimulationLine[]): Message[] {
  const seen = new Map<string, Message>();
  for (const line of lines) {
    if (line.decision !== "sent") continue;
    const key = `${line.borrowerId}@${line.at}`;
    if (seen.has(key)) continue;
    const local = DateTime.fromISO(line.local, { setZone: true });
    seen.set(key, {
      borrowerId: line.borrowerId,
      at: line.at,
      ms: Date.parse(line.at),
      localDate: local.toISODate() as string,
      localTime: local.toFormat("HH:mm"),
      channel: line.channel,
    });
  }
  return [...seen.values()].sort((a, b) => a.ms - b.ms);
}

export interface RollingPeak {
  readonly borrowerId: string;
  readonly count: number;
  /** The first and last message of the worst window. */
  readonly from: string;
  readonly to: string;
}

/** The most messages any borrower got within any 7 x 24 hours. */
export function worstRolling7(messages: readonly Message[]): RollingPeak | undefined {
  let worst: RollingPeak | undefined;
  for (const [borrowerId, own] of byBorrower(messages)) {
    let start = 0;
    for (let end = 0; end < own.length; end++) {
      while ((own[end] as Message).ms - (own[start] as Message).ms >= WEEK_MS) start++;
      const count = end - start + 1;
      if (!worst || count > worst.count) {
        worst = {
          borrowerId,
          count,
          from: (own[start] as Message).at,
          to: (own[end] as Message).at,
        };
      }
    }
  }
  return worst;
}

export function byBorrower(messages: readonly Message[]): Map<string, Message[]> {
  const groups = new Map<string, Message[]>();
  for (const m of messages) groups.set(m.borrowerId, [...(groups.get(m.borrowerId) ?? []), m]);
  return groups;
}

/** The most messages one borrower got on one of their local days. */
export function worstLocalDay(
  messages: readonly Message[],
): { borrowerId: string; date: string; count: number } | undefined {
  const counts = new Map<string, number>();
  let worst: { borrowerId: string; date: string; count: number } | undefined;
  for (const m of messages) {
    const key = `${m.borrowerId}@${m.localDate}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (!worst || count > worst.count)
      worst = { borrowerId: m.borrowerId, date: m.localDate, count };
  }
  return worst;
}

export function quietHourMessages(
  messages: readonly Message[],
  profile: ContactProfile,
): Message[] {
  return messages.filter(
    (m) => m.localTime < profile.window.opens || m.localTime >= profile.window.closes,
  );
}

export function messagesAfterOptOut(
  messages: readonly Message[],
  optOuts: readonly OptOutRecord[],
): Message[] {
  return messages.filter((m) =>
    optOuts.some(
      (o) => o.borrowerId === m.borrowerId && o.channel === m.channel && Date.parse(o.at) <= m.ms,
    ),
  );
}

/** Messages per borrower per 7-day week counted from `start`. */
export function weeklyCounts(
  messages: readonly Message[],
  start: string,
  days: number,
): Map<string, number[]> {
  const weeks = Math.ceil(days / 7);
  const startMs = Date.parse(start);
  const table = new Map<string, number[]>();
  for (const m of messages) {
    const row = table.get(m.borrowerId) ?? new Array<number>(weeks).fill(0);
    const week = Math.min(weeks - 1, Math.floor((m.ms - startMs) / WEEK_MS));
    row[week] = (row[week] ?? 0) + 1;
    table.set(m.borrowerId, row);
  }
  return table;
}

export interface Caps {
  readonly perDay: number;
  readonly per7Days: number;
  readonly hardCeiling: number;
}

export function capsOf(profile: ContactProfile): Caps {
  return {
    perDay: profile.maxNudgesPerDay,
    per7Days: effectiveWeeklyCap(profile),
    hardCeiling: HARD_CEILING_PER_7_DAYS,
  };
}

/** Reason counts over lines with the given decision. */
export function reasonCounts(
  lines: readonly SimulationLine[],
  decision: SimulationLine["decision"],
): [string, number][] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.decision !== decision) continue;
    for (const reason of line.reasons) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
