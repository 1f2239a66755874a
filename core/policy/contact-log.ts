// The borrower's outbound messages as sorted instants: rows sharing a messageId count once.
import type { IsoDate } from "../dates/iso-date.ts";
import type { ContactRecord } from "./inputs.ts";
import { localDateOf, parseInstant } from "./local-time.ts";

export interface ContactLog {
  /** Automated messages to the borrower (any loan, any channel), epoch ms ascending. */
  readonly automated: readonly number[];
  /** Every outbound message to the borrower, automated or written by an agent. */
  readonly all: readonly number[];
  /** Local date of the last automated message about the loan being decided. */
  readonly lastNudgeOn?: IsoDate;
}

export function contactLog(
  history: readonly ContactRecord[],
  borrowerId: string,
  loanId: string,
  timeZone: string,
): ContactLog {
  const messages = new Map<string, { at: number; automated: boolean }>();
  let lastNudge: number | undefined;
  history.forEach((record, i) => {
    if (record.borrowerId !== borrowerId) return;
    const at = parseInstant(record.at, `contactHistory[${i}].at`);
    // Without a messageId every row is its own message: overcounting is the safe mistake.
    const key = record.messageId ?? `row:${i}`;
    const seen = messages.get(key);
    messages.set(key, {
      at: seen?.at ?? at,
      automated: (seen?.automated ?? false) || record.automated,
    });
    if (
      record.automated &&
      record.loanId === loanId &&
      (lastNudge === undefined || at > lastNudge)
    ) {
      lastNudge = at;
    }
  });
  const sorted = [...messages.values()].sort((a, b) => a.at - b.at);
  return {
    automated: sorted.filter((m) => m.automated).map((m) => m.at),
    all: sorted.map((m) => m.at),
    ...(lastNudge === undefined ? {} : { lastNudgeOn: localDateOf(lastNudge, timeZone) }),
  };
}
