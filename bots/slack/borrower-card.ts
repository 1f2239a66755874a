// Renders a borrower snapshot as a Block Kit card: masked identity, loans, contact state, score, and action buttons.
import type { types } from "@slack/bolt";
import { formatAmount } from "../../core/format/index.ts";
import type { Money } from "../../core/money/index.ts";
import type { StoredPlan } from "../../core/ports/index.ts";
import type { LoanViewWithPlans } from "../../core/reads/index.ts";
import { maskEmail } from "../../core/text/index.ts";
import { ACTION, encodeTarget } from "./action-ids.ts";
import type { BorrowerSnapshot } from "./borrower-snapshot.ts";
import { maskDigits, maskId, maskPhone } from "./mask.ts";

type KnownBlock = types.KnownBlock;

const money = (value: Money) => formatAmount(value, "en");
const PLANS_SHOWN = 3;

export function borrowerCard(snapshot: BorrowerSnapshot, channel?: string): KnownBlock[] {
  const { borrower, score } = snapshot;
  const base = { borrowerId: borrower.id, ...(channel ? { channel } : {}) };
  const flags = Object.entries(borrower.flags)
    .filter(([, on]) => on)
    .map(([flag]) => flag);
  const blocks: KnownBlock[] = [
    {
      type: "header",
      text: { type: "plain_text", text: `${borrower.name} · ${borrower.externalRef}` },
    },
    {
      type: "section",
      fields: [
        md(`*Phone*\n${maskPhone(borrower.phone)}`),
        md(`*Email*\n${maskEmail(snapshot.contactPoints?.email)}`),
        md(`*Preferred channel*\n${snapshot.contactPoints?.preferredChannel ?? "—"}`),
        md(`*Locale / zone*\n${borrower.locale} · ${borrower.timeZone}`),
        md(`*Telegram*\n${telegramLine(snapshot)}`),
        md(`*Flags*\n${flags.length ? flags.join(", ") : "none"}`),
      ],
    },
  ];
  for (const loan of snapshot.loans) blocks.push(...loanBlocks(loan, base));
  blocks.push(
    { type: "divider" },
    {
      type: "section",
      text: md(
        [
          `*Contact controls*  opt-outs: ${snapshot.optedOut.length ? snapshot.optedOut.join(", ") : "none"}`,
          `pauses: ${
            snapshot.pauses.length
              ? snapshot.pauses
                  .map(
                    (p) =>
                      `${p.reason}${p.until ? ` until ${p.until.slice(0, 10)}` : ""} (${p.createdBy})`,
                  )
                  .join("; ")
              : "none"
          }`,
          `promises: ${promiseLine(snapshot)}`,
          snapshot.handoff
            ? `handoff: ${snapshot.handoff.status} (${snapshot.handoff.reason})`
            : "",
        ]
          .filter(Boolean)
          .join("\n"),
      ),
    },
    { type: "section", text: md(`*Last contacts*\n${contactLines(snapshot)}`) },
    {
      type: "section",
      text: md(
        `*Repayment score: ${score.score}/100 (${score.grade})*\n${score.reasons.map((r) => `• ${r}`).join("\n")}`,
      ),
    },
    {
      type: "actions",
      elements: [
        button("Pause nudges", ACTION.pause, encodeTarget(base)),
        button("Resume", ACTION.resume, encodeTarget(base)),
        button("Mark dispute", ACTION.dispute, encodeTarget(base), "danger"),
        button("Add note", ACTION.note, encodeTarget(base)),
        button("Telegram link code", ACTION.linkCode, encodeTarget(base)),
      ],
    },
  );
  return blocks;
}

function loanBlocks(
  view: LoanViewWithPlans,
  base: { borrowerId: string; channel?: string },
): KnownBlock[] {
  const { loan, state, plans } = view;
  const target = encodeTarget({ ...base, loanId: loan.id });
  return [
    { type: "divider" },
    {
      type: "section",
      text: md(
        [
          `*Loan ${loan.externalRef}* (${loan.status})`,
          `Outstanding ${money(state.outstanding.total)} · overdue ${money(state.overdue.total)} · ${state.daysPastDue} days past due · bucket ${state.bucket}`,
          `Fees ${money(state.outstanding.fees)} · penalties ${money(state.outstanding.penalties)}`,
          state.nextDue
            ? `Next due ${state.nextDue.date}: ${money(state.nextDue.amount)}`
            : "Nothing more falls due",
          ...planLines(plans),
        ].join("\n"),
      ),
    },
    {
      type: "actions",
      elements: [
        button("Propose plan", ACTION.plan, target, "primary"),
        button("Waive a fee", ACTION.waive, target),
      ],
    },
  ];
}

/** The newest plans first, each with its status, so an agent sees a borrower's acceptance. */
function planLines(plans: readonly StoredPlan[]): string[] {
  if (plans.length === 0) return ["No plan"];
  return plans.slice(0, PLANS_SHOWN).map((plan) => {
    const { kind, installmentAmount, count } = plan.option;
    const when = plan.acceptedAt
      ? `, accepted ${plan.acceptedAt.slice(0, 10)}`
      : `, proposed ${plan.proposedAt.slice(0, 10)}`;
    return `Plan: ${kind}, ${money(installmentAmount)} × ${count} (*${plan.status}*${when}, by ${plan.proposedBy})`;
  });
}

function telegramLine(snapshot: BorrowerSnapshot): string {
  const tg = snapshot.identities.filter((i) => i.channel === "telegram");
  return tg.length
    ? tg.map((i) => `linked (chat ${maskId(i.externalId)})`).join(", ")
    : "not linked";
}

function promiseLine(snapshot: BorrowerSnapshot): string {
  if (snapshot.promises.length === 0) return "none";
  return snapshot.promises
    .slice(-3)
    .map((p) => `${money(p.amount)} for ${p.promisedFor} (${p.status})`)
    .join("; ");
}

function contactLines(snapshot: BorrowerSnapshot): string {
  const lines = snapshot.contacts.map(
    (c) =>
      `${c.at.slice(0, 16).replace("T", " ")} ${c.direction === "inbound" ? "←" : "→"} ${c.author}: ${clip(maskDigits(c.text))}`,
  );
  for (const s of snapshot.suppressions) {
    lines.push(
      `${s.at.slice(0, 16).replace("T", " ")} ✕ nudge held back: ${s.reasons.join(", ") || "policy"}`,
    );
  }
  return lines.length ? lines.join("\n") : "none in the last 30 days";
}

export function md(text: string) {
  return { type: "mrkdwn" as const, text };
}

export function button(
  text: string,
  actionId: string,
  value: string,
  style?: "primary" | "danger",
): types.Button {
  return {
    type: "button",
    text: { type: "plain_text", text },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function clip(text: string, max = 80): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
