// One inbound SMS from a borrower: carrier keywords first, then the assistant; plain-text answer.
import type { Assistant, Choice } from "../../core/assistant/index.ts";
import { recordConsent } from "../../core/channels/index.ts";
import { renderTemplate } from "../../core/format/index.ts";
import type { Borrower, HandoffNotifier, Store } from "../../core/ports/index.ts";
import {
  choiceByDigit,
  type SmsKeyword,
  type SmsTemplates,
  smsKeyword,
  smsReplyText,
} from "../../core/sms/index.ts";

export interface SmsConversationDeps {
  readonly store: Store;
  readonly assistant: Assistant;
  readonly templates: SmsTemplates;
  readonly lenderName: string;
  /** The agents' side: told when the assistant hands the chat to a person, and given the
   * borrower's texts while an agent holds the chat. */
  readonly handoffs?: HandoffNotifier;
  readonly log?: (line: string) => void;
}

export interface SmsConversation {
  /** The text to answer with, or undefined to answer nothing. */
  receive(from: string, text: string, at: string): Promise<string | undefined>;
}

/**
 * Who a number is: the first borrower (by id) with it on record; unknown numbers get no answer.
 * The choices offered in the last answer to each number are kept in this process, so "1"
 * taps the first of them (a restart forgets them; a digit then goes to the assistant as text).
 */
export function smsConversation(deps: SmsConversationDeps): SmsConversation {
  const offered = new Map<string, readonly Choice[]>();
  const { store } = deps;

  async function keyword(borrower: Borrower, word: SmsKeyword, text: string, at: string) {
    const chinese = /\p{Script=Han}/u.test(text);
    const t = deps.templates[chinese ? "zh-CN" : borrower.locale];
    const lender = { lender: deps.lenderName };
    if (word === "help") return renderTemplate(t.help, lender);
    await recordConsent(store, {
      borrowerId: borrower.id,
      channel: "sms",
      kind: word === "stop" ? "opt_out" : "opt_in",
      source: `sms:${text.trim().toUpperCase()}`,
      ...(borrower.phone ? { address: borrower.phone } : {}),
      at,
    });
    return renderTemplate(word === "stop" ? t.stopped : t.started, lender);
  }

  return {
    async receive(from, text, at) {
      const [id] = await store.contactPoints.borrowersByPhone(from);
      const borrower = id ? await store.borrowers.byId(id) : undefined;
      if (!borrower) return undefined;
      const word = smsKeyword(text);
      if (word) {
        const answer = await keyword(borrower, word, text, at);
        const log = { borrowerId: borrower.id, channel: "sms" as const, at };
        await store.conversation.append({ ...log, direction: "inbound", text, author: "borrower" });
        await store.conversation.append({
          ...log,
          direction: "outbound",
          text: answer,
          author: "assistant",
        });
        return answer;
      }
      // An agent holds the chat: the text is theirs to answer (STOP and HELP were handled above).
      if (await deps.handoffs?.relayToAgent(borrower.id, text, "sms")) return undefined;
      const tapped = choiceByDigit(text, offered.get(from) ?? []);
      const reply = await deps.assistant.respond({
        borrowerId: borrower.id,
        channel: "sms",
        at,
        ...(tapped ? { action: tapped.action } : { text }),
      });
      const rendered = smsReplyText(reply, deps.templates[borrower.locale]);
      offered.set(from, rendered.choices);
      if (reply.handoff && deps.handoffs) {
        const handoff = await store.handoffs.active(borrower.id);
        if (!handoff) return rendered.text;
        // The borrower still gets the answer; the handoff waits in the agents' queue.
        await deps.handoffs.handoffOpened(handoff.id).catch((error: unknown) => {
          deps.log?.(`sms: handoff ${handoff.id} not passed on: ${String(error)}`);
        });
      }
      return rendered.text;
    },
  };
}
