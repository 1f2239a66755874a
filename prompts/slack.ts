// What the Slack app says: agent-facing texts (English), and what agents' actions tell borrowers per locale.
import type { Locale } from "../core/ports/index.ts";

export const agentTexts = {
  refused:
    "Sorry, this tool is only for the collections team. If you need access, please ask your team lead. (This attempt was logged.)",
  findUsage: "Usage: `/repay find <borrower ref | name | last 4+ digits of phone>`",
  noMatch: "No borrower matches `{query}`.",
  manyMatches: "{count} borrowers match `{query}`: open the card of the one you mean.",
  tooManyMatches:
    "More than {count} borrowers match `{query}`; these are the first {count}. Narrow the search (a ref or the last 4 digits of the phone) for the others.",
  unknownCommand: "I know `/repay find <ref | name | phone digits>`.",
  somethingWrong: "Sorry, that failed on our side and was logged. Please try again.",
  paused: "Nudges paused for {name} ({reason}) {until}.",
  resumed: "Nudges resumed for {name}: {count} pause(s) lifted.",
  disputed: "Dispute recorded for {name}; nudges paused until it is resolved.",
  waived: "Waived {amount} of {component} on {loan} for {name}.",
  noted: "Note added for {name}.",
  planProposed: "Plan sent to {name} on Telegram: {summary}.",
  noPlans: "No plan can be offered on {loan} today ({reasons}).",
  notLinked: "{name} has no linked Telegram chat, so nothing was sent.",
  linkCode:
    "One-time Telegram link code for {name}: *{code}* (valid until {expires}). Share it with the borrower only; it is not shown again.",
  claimTaken: "Someone else already claimed this conversation.",
  claimed:
    "<@{agent}> has this conversation. Reply in this thread to write to the borrower; use Release to hand it back to the assistant.",
  released: "<@{agent}> released the conversation; the assistant answers the borrower again.",
  notClaimer: "Only <@{agent}>, who claimed this conversation, can do that.",
} as const;

export interface BorrowerSlackTexts {
  /** Prefix for an agent's message relayed to the borrower. */
  readonly fromAgent: string;
  readonly agentJoined: string;
  readonly agentLeft: string;
  readonly planProposed: string;
  readonly planButton: string;
}

export const borrowerTexts: Readonly<Record<Locale, BorrowerSlackTexts>> = {
  en: {
    fromAgent: "{agent} ({lender}): {text}",
    agentJoined: "{agent} from {lender} has joined the chat and will reply here.",
    agentLeft:
      "{agent} has left the chat. I'm the assistant again; ask me anything about your loan.",
    planProposed:
      "{agent} from {lender} has prepared a payment plan for loan {loan}: {payments} from {first} to {last}: {runs}. Total {total} ({cost}). {terms} Tap below to see the details and accept.",
    planButton: "See this plan",
  },
  "zh-CN": {
    fromAgent: "{agent}（{lender}）：{text}",
    agentJoined: "{lender} 的 {agent} 已加入对话，将在这里回复您。",
    agentLeft: "{agent} 已离开对话。我是助手，欢迎继续问我关于贷款的问题。",
    planProposed:
      "{lender} 的 {agent} 为您的贷款 {loan} 准备了还款计划：共{payments}，从 {first} 到 {last}：{runs}。合计 {total}（{cost}）。{terms}点击下方查看详情并确认。",
    planButton: "查看该计划",
  },
};

/** Replaces `{name}` placeholders; unknown names stay as they are. */
export function fillText(
  template: string,
  values: Readonly<Record<string, string | number>>,
): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
