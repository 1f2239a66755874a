// Runs the real planner, policy, templates, dispatcher and assistant over a simulated clock.
import { DateTime } from "luxon";
import { createAssistant } from "../../../core/assistant/index.ts";
import { recordConsent } from "../../../core/channels/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { parseMoney } from "../../../core/money/index.ts";
import { contactProfile, type NudgeDecisionEvent } from "../../../core/policy/index.ts";
import type { Channel, PayLink, Store } from "../../../core/ports/index.ts";
import { assistantTemplates } from "../../../prompts/index.ts";
import { createConsoleSender } from "../console-sender.ts";
import { dispatchTick } from "../dispatcher.ts";
import { planTick } from "../planner.ts";
import { scheduleNextNudge } from "../prime.ts";
import { type SimulatedScore, simulatedScores } from "./score-section.ts";
import { simulatedLlm } from "./scripted-rewriter.ts";
import type { SimulatedBorrower, SimulationEvent, SimulationPlan } from "./simulation-input.ts";

/** One decision as the simulator prints it (JSON Lines). Ids are the input's. */
export interface SimulationLine {
  readonly at: string;
  readonly local: string;
  readonly borrowerId: string;
  readonly loanId: string;
  readonly channel: string | null;
  readonly kind: string | null;
  readonly decision: "sent" | "deferred" | "suppressed" | "failed";
  readonly reasons: readonly string[];
  readonly text?: string;
  /** For sent, when a scripted model reworded nudges: whose words went out. */
  readonly wording?: "model" | "template";
  /** For sent in the template's words: why the model's were refused. */
  readonly rejectedBecause?: string;
}

export interface OptOutRecord {
  readonly borrowerId: string;
  readonly channel: Channel;
  readonly at: string;
}

export interface SimulationResult {
  readonly lines: number;
  readonly optOuts: readonly OptOutRecord[];
  /** Each borrower's repayment score at the end of the run. */
  readonly scores?: readonly SimulatedScore[];
}

const CHANNELS: readonly Channel[] = ["telegram", "sms", "email", "console"];

function payLinkFrom(template: string | undefined): PayLink | undefined {
  if (!template) return undefined;
  return (context) =>
    template.replace(
      /\{(borrowerRef|loanRef|amount|currency)\}/g,
      (_m, name: keyof typeof context) => encodeURIComponent(context[name]),
    );
}

interface Ids {
  readonly borrowerRef: Map<string, string>;
  readonly loanRef: Map<string, string>;
  readonly borrowerByRef: Map<string, string>;
  readonly loanByRef: Map<string, string>;
}

async function book(
  store: Store,
  borrowers: readonly SimulatedBorrower[],
  start: string,
): Promise<Ids> {
  const ids: Ids = {
    borrowerRef: new Map(),
    loanRef: new Map(),
    borrowerByRef: new Map(),
    loanByRef: new Map(),
  };
  let chat = 700_000_000;
  for (const input of borrowers) {
    const { borrower } = await store.borrowers.upsert({
      externalRef: input.id,
      name: input.name,
      ...(input.phone ? { phone: input.phone } : {}),
      locale: input.locale,
      timeZone: input.timeZone,
      flags: input.flags,
    });
    ids.borrowerRef.set(borrower.id, input.id);
    ids.borrowerByRef.set(input.id, borrower.id);
    // A borrower with a phone or email is reached there unless linked to Telegram explicitly.
    const hasOther = input.phone !== undefined || input.email !== undefined;
    if (input.telegramChatId !== undefined || (input.channel === "telegram" && !hasOther)) {
      await store.identities.bind({
        channel: "telegram",
        externalId: String(input.telegramChatId ?? ++chat),
        borrowerId: borrower.id,
        verifiedAt: start,
      });
    }
    await bookContactPoints(store, borrower.id, input, start);
    for (const simulated of input.loans) {
      const { loan } = await store.loans.upsert({
        ...simulated.loan,
        externalRef: simulated.id,
        borrowerId: borrower.id,
        status: simulated.status,
      });
      ids.loanRef.set(loan.id, simulated.id);
      ids.loanByRef.set(simulated.id, loan.id);
      let n = 0;
      for (const transaction of simulated.transactions) {
        await store.transactions.record(loan.id, `${simulated.id}:input:${++n}`, transaction);
      }
    }
  }
  return ids;
}

/** Email, preference and consent as the lender recorded them at the start. */
async function bookContactPoints(
  store: Store,
  borrowerId: string,
  input: SimulatedBorrower,
  start: string,
): Promise<void> {
  if (input.email || input.preferredChannel) {
    await store.contactPoints.set(borrowerId, {
      ...(input.email ? { email: input.email } : {}),
      ...(input.preferredChannel ? { preferredChannel: input.preferredChannel } : {}),
    });
  }
  for (const channel of ["sms", "email"] as const) {
    const given = input.consent?.[channel];
    if (given === undefined) continue;
    const address = channel === "sms" ? input.phone : input.email;
    await recordConsent(store, {
      borrowerId,
      channel,
      kind: given ? "opt_in" : "opt_out",
      source: "simulation",
      ...(address ? { address } : {}),
      at: start,
    });
  }
}

interface PendingEvent {
  readonly borrower: SimulatedBorrower;
  readonly event: SimulationEvent;
  readonly ms: number;
  readonly order: number;
}

/**
 * Simulates `plan.days` days in ticks of `plan.tickMinutes`: at each tick the borrowers' due
 * events go through the assistant (STOP opts out, "I'll pay Friday" promises, ...), then the
 * planner and the dispatcher run at that instant. Every decision but "planned" is handed to
 * `emit` as it happens.
 */
export async function runSimulation(
  plan: SimulationPlan,
  emit: (line: SimulationLine) => void,
): Promise<SimulationResult> {
  let now = plan.start;
  const store = createMemoryStore({ clock: () => now });
  const profile = contactProfile(plan.profile);
  const payLink = payLinkFrom(plan.payLink);
  const ids = await book(store, plan.borrowers, plan.start);
  const assistant = createAssistant({
    store,
    templates: assistantTemplates,
    lenderName: plan.lenderName,
    ...(payLink ? { payLink } : {}),
  });
  const sender = createConsoleSender({ write: () => {}, clock: () => now });
  let lines = 0;
  const onDecision = (event: NudgeDecisionEvent) => {
    if (event.decision === "planned") return;
    lines++;
    emit({
      at: event.at,
      local: event.local,
      borrowerId: ids.borrowerRef.get(event.borrowerId) ?? event.borrowerId,
      loanId: ids.loanRef.get(event.loanId) ?? event.loanId,
      channel: event.channel,
      kind: event.kind,
      decision: event.decision,
      reasons: event.reasons,
      ...(event.text !== undefined ? { text: event.text } : {}),
      ...(event.wording !== undefined ? { wording: event.wording } : {}),
      ...(event.rejectedBecause !== undefined ? { rejectedBecause: event.rejectedBecause } : {}),
    });
  };
  const planner = { store, profile, channels: CHANNELS, onDecision };
  const dispatcher = {
    store,
    profile,
    channels: CHANNELS,
    senders: { telegram: sender, sms: sender, email: sender, console: sender },
    lenderName: plan.lenderName,
    ...(payLink ? { payLink } : {}),
    clock: () => now,
    sleep: async () => {},
    workerId: "simulator",
    // The demo output is pinned from before the score took part in the tone.
    toneFromScore: false,
    onDecision,
    ...(plan.llm ? { llm: simulatedLlm(plan.llm.script) } : {}),
  };

  const pending: PendingEvent[] = plan.borrowers
    .flatMap((borrower) => borrower.events.map((event) => ({ borrower, event })))
    .map((p, order) => ({ ...p, ms: Date.parse(p.event.at), order }))
    .sort((a, b) => a.ms - b.ms || a.order - b.order);
  const optOuts: OptOutRecord[] = [];
  const startMs = Date.parse(plan.start);
  const endMs = startMs + plan.days * 86_400_000;
  let next = 0;
  for (let ms = startMs; ms < endMs; ms += plan.tickMinutes * 60_000) {
    while (next < pending.length && (pending[next] as PendingEvent).ms <= ms) {
      const due = pending[next++] as PendingEvent;
      now = new Date(due.ms).toISOString();
      await happen(store, assistant, ids, due, now, optOuts);
    }
    now = new Date(ms).toISOString();
    await planTick(planner, now);
    await dispatchTick(dispatcher, now);
  }
  return { lines, optOuts, scores: await simulatedScores(store, ids.borrowerRef, now) };
}

async function happen(
  store: Store,
  assistant: ReturnType<typeof createAssistant>,
  ids: Ids,
  due: PendingEvent,
  now: string,
  optOuts: OptOutRecord[],
): Promise<void> {
  const borrowerId = ids.borrowerByRef.get(due.borrower.id) as string;
  const { event } = due;
  if (event.type === "message") {
    const channel = event.channel ?? defaultChannel(due.borrower);
    const before = await store.contact.optedOutChannels(borrowerId);
    await assistant.respond({ borrowerId, channel, at: now, text: event.text });
    const after = await store.contact.optedOutChannels(borrowerId);
    for (const c of after)
      if (!before.includes(c)) optOuts.push({ borrowerId: due.borrower.id, channel: c, at: now });
    return;
  }
  const loanId = ids.loanByRef.get(event.loanId) as string;
  const loan = await store.loans.byId(loanId);
  if (!loan) return;
  const date = DateTime.fromISO(now, { zone: due.borrower.timeZone }).toISODate() as string;
  const amount = parseMoney(event.amount, loan.terms.principal.currency);
  await store.transactions.record(loanId, `${event.loanId}:event:${now}`, {
    type: "payment",
    date,
    amount,
  });
  await scheduleNextNudge(store, loanId, now);
}

/** Where a borrower's messages come from when the event does not say: their chat, else SMS. */
function defaultChannel(borrower: SimulatedBorrower): Channel {
  const linked = borrower.telegramChatId !== undefined || borrower.phone === undefined;
  return linked && borrower.channel === "telegram"
    ? "telegram"
    : borrower.phone
      ? "sms"
      : borrower.channel;
}
