// Slack's retries of an event this process already has: answered at once, never handled twice.
//
// Slack sends an event again (X-Slack-Retry-Num) when its first delivery was not answered
// within 3 s. Handlers here finish before the answer (processBeforeResponse), so a slow one, a
// Telegram or Slack call waiting out a rate limit, would get its event again, and an agent's
// reply would reach the borrower twice. Each event id is kept while it is being handled and
// for an hour after it succeeded (Slack's last retry comes about 5 minutes after the first);
// one that failed is forgotten, so Slack's retry is handled afresh.

const KEEP_MS = 60 * 60 * 1000;
/** Bounds memory under a flood of distinct events: the oldest ids go first. */
const MAX_KEPT = 20_000;

type Entry = { readonly state: "handling" } | { readonly state: "handled"; readonly at: number };

export class SeenEvents {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number = Date.now) {}

  /** True the first time `eventId` comes (handle it); false while it is handled or after it was. */
  admit(eventId: string): boolean {
    const entry = this.entries.get(eventId);
    if (entry && (entry.state === "handling" || this.nowMs() - entry.at < KEEP_MS)) return false;
    this.entries.delete(eventId);
    this.entries.set(eventId, { state: "handling" });
    while (this.entries.size > MAX_KEPT) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return true;
  }

  /** The event's handling ended: kept when it succeeded, forgotten when it failed. */
  settle(eventId: string, succeeded: boolean): void {
    if (succeeded) this.entries.set(eventId, { state: "handled", at: this.nowMs() });
    else this.entries.delete(eventId);
  }
}

/** The event id of an Events API callback; undefined for actions, commands and the rest. */
export function eventIdOf(body: object): string | undefined {
  const { type, event_id: id } = body as { type?: unknown; event_id?: unknown };
  return type === "event_callback" && typeof id === "string" && id !== "" ? id : undefined;
}
