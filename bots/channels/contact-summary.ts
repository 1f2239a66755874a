// A borrower's contact points, each channel's consent state and the consent record, read once.
import { ALL_CHANNELS, type ChannelState, channelStates } from "../../core/channels/index.ts";
import type {
  Borrower,
  ConsentEvent,
  ContactPreferences,
  NudgeRow,
  Store,
} from "../../core/ports/index.ts";

export interface ContactSummary {
  readonly borrower: Borrower;
  readonly preferences?: ContactPreferences;
  readonly channels: readonly ChannelState[];
  readonly events: readonly ConsentEvent[];
  /** Nudges sent, oldest first: what went out under that consent. */
  readonly sent: readonly NudgeRow[];
}

const EPOCH = "1970-01-01T00:00:00.000Z";

/** Undefined when no borrower has this ref. */
export async function contactSummary(
  store: Store,
  borrowerRef: string,
): Promise<ContactSummary | undefined> {
  const borrower = await store.borrowers.byRef(borrowerRef);
  if (!borrower) return undefined;
  const [identities, preferences, events, optedOut, sent] = await Promise.all([
    store.identities.forBorrower(borrower.id),
    store.contactPoints.get(borrower.id),
    store.consent.forBorrower(borrower.id),
    store.contact.optedOutChannels(borrower.id),
    store.outbox.sentSince(borrower.id, EPOCH),
  ]);
  const telegram = identities.find((identity) => identity.channel === "telegram");
  const channels = channelStates(
    {
      ...(borrower.phone ? { phone: borrower.phone } : {}),
      ...(preferences?.email ? { email: preferences.email } : {}),
      ...(telegram ? { telegramChatId: telegram.externalId } : {}),
      events,
      optedOut,
      unreachable: [],
    },
    ALL_CHANNELS.filter((channel) => channel !== "console"),
  );
  return { borrower, ...(preferences ? { preferences } : {}), channels, events, sent };
}

/** The summary as the lender reads it: channels, preference, then every event and send in time order. */
export function formatContactSummary(summary: ContactSummary): string {
  const { borrower, preferences } = summary;
  const lines = [`${borrower.externalRef} ${borrower.name}`];
  for (const state of summary.channels) {
    lines.push(`  ${state.channel.padEnd(9)}${state.status.padEnd(12)}${state.address ?? "-"}`);
  }
  const order = [preferences?.preferredChannel, ...(preferences?.fallbackOrder ?? [])].filter(
    (channel) => channel !== undefined,
  );
  lines.push(`  order    ${order.length > 0 ? order.join(" > ") : "(the product's default)"}`);
  const rows = [
    ...summary.events.map((event) => ({
      at: event.at,
      text: [
        event.channel.padEnd(9),
        event.kind.padEnd(16),
        `by ${event.source}`,
        ...(event.address ? [event.address] : []),
        ...(event.textVersion ? [`text ${event.textVersion}`] : []),
      ].join(" "),
    })),
    ...summary.sent.map((row) => ({
      at: row.sentAt ?? row.plannedFor,
      text: `${row.channel.padEnd(9)} ${"sent".padEnd(16)} ${row.kind} ${row.providerMessageId ?? ""}`.trimEnd(),
    })),
  ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  lines.push(rows.length > 0 ? "Record:" : "Record: no consent events and nothing sent yet");
  for (const row of rows) lines.push(`  ${row.at}  ${row.text}`);
  return `${lines.join("\n")}\n`;
}
