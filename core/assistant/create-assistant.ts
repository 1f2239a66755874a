// The assistant: a borrower's message or tap in, a channel-neutral reply out, both kept in the log.
import { isInstant, isTimeZone, localToday } from "../intents/context.ts";
import type { Language, Understanding } from "../intents/types.ts";
import { isLanguage } from "../intents/types.ts";
import { understandLocally } from "../intents/understand-locally.ts";
import { LEARN_ACTION, learnRequest } from "../learn/learn-request.ts";
import type { ConversationMessage } from "../ports/conversation.ts";
import { parseAction } from "./actions.ts";
import { answerUnderstanding } from "./clarify.ts";
import type { AssistantDeps } from "./deps.ts";
import { invalidTurn, unknownBorrower } from "./errors.ts";
import { learnReply } from "./handlers/learn-reply.ts";
import type { Reply } from "./reply.ts";
import { routeAction } from "./route.ts";
import { tapLanguage } from "./tap-language.ts";
import { tapRecord } from "./tap-record.ts";
import type { Turn } from "./turn.ts";
import { turnContext } from "./turn-context.ts";

/** Channels a borrower can write to us on (email is outbound only). */
const TURN_CHANNELS: ReadonlySet<string> = new Set(["telegram", "console", "sms"]);

export interface Assistant {
  respond(turn: Turn): Promise<Reply>;
}

/**
 * Builds the assistant over a store and the templates of each locale. It replies in the
 * language the borrower wrote in (Chinese text gets Chinese even from an "en" borrower), else
 * in their locale; every figure comes from loan state, formatted for that language.
 *
 * Throws UNKNOWN_BORROWER or INVALID_TURN for a turn no borrower could have sent; any text at
 * all gets an answer.
 *
 * @example
 * const assistant = createAssistant({ store, templates: assistantTemplates, lenderName: "Acme Credit" });
 * const reply = await assistant.respond({ borrowerId, channel: "telegram", at: "2026-04-01T14:00:00Z", text: "how much do I owe?" });
 */
export function createAssistant(deps: AssistantDeps): Assistant {
  const read = deps.understand ?? understandLocally;

  async function understandSafely(text: string, locale: Language, timeZone: string, now: string) {
    try {
      return await read(text, { locale, timeZone, now });
    } catch {
      // An injected reader (an LLM, say) failing must not cost the borrower an answer.
      const fallback: Understanding = {
        intent: "unknown",
        confidence: 0,
        language: locale,
        entities: {},
      };
      return fallback;
    }
  }

  return {
    async respond(turn) {
      if (!isInstant(turn.at)) throw invalidTurn("at", turn.at);
      if (!TURN_CHANNELS.has(turn.channel)) {
        throw invalidTurn("channel", turn.channel);
      }
      const { store } = deps;
      const readByChannel = turn.borrower?.id === turn.borrowerId;
      const borrower = readByChannel ? turn.borrower : await store.borrowers.byId(turn.borrowerId);
      if (!borrower) throw unknownBorrower(turn.borrowerId);
      const locale: Language = isLanguage(borrower.locale) ? borrower.locale : "en";
      const timeZone = isTimeZone(borrower.timeZone) ? borrower.timeZone : "UTC";
      const today = localToday({ locale, timeZone, now: turn.at });

      // A tap names its handler directly; only typed text goes through understanding.
      const tapped = turn.action;
      // /learn or a lesson's button: the course at once. A question a lesson answers ("how does
      // interest work") is understood like any other message, as the intent "learn".
      const learning = !deps.course
        ? undefined
        : tapped === undefined
          ? learnRequest(turn.text ?? "")
          : tapped.startsWith(LEARN_ACTION)
            ? learnRequest(tapped)
            : undefined;
      const understanding =
        tapped !== undefined || learning !== undefined
          ? undefined
          : await understandSafely(turn.text ?? "", locale, timeZone, turn.at);
      const language = understanding?.language ?? (await tapLanguage(store, borrower.id, locale));
      const course = deps.course?.[language];
      const ctx = turnContext({
        store,
        borrower,
        channel: turn.channel,
        at: turn.at,
        today,
        timeZone,
        language,
        templates: deps.templates[language],
        lenderName: deps.lenderName,
        ...(deps.payLink ? { payLink: deps.payLink } : {}),
        ...(deps.answer ? { answer: deps.answer } : {}),
        ...(tapped === undefined ? { question: turn.text ?? "" } : {}),
        ...(course ? { course } : {}),
        ...(readByChannel && turn.activeLoans ? { activeLoans: turn.activeLoans } : {}),
      });

      const action = tapped !== undefined ? parseAction(tapped) : undefined;
      const inbound =
        tapped !== undefined && learning === undefined
          ? await tapRecord(ctx, action, tapped)
          : (tapped ?? turn.text ?? "");
      const asked: ConversationMessage = {
        borrowerId: borrower.id,
        channel: turn.channel,
        direction: "inbound",
        text: inbound,
        at: turn.at,
        author: "borrower",
      };

      let answer: Reply;
      try {
        answer =
          learning && course
            ? await learnReply(ctx, course, learning)
            : understanding
              ? await answerUnderstanding(ctx, understanding)
              : await routeAction(ctx, action);
      } catch (error) {
        // No answer: the borrower's message is kept all the same.
        await store.conversation.append(asked);
        throw error;
      }
      // The message and its answer in one write (the log reads them back in this order).
      await store.conversation.appendMany([
        asked,
        {
          borrowerId: borrower.id,
          channel: turn.channel,
          direction: "outbound",
          text: answer.text,
          at: turn.at,
          author: "assistant",
        },
      ]);
      return answer;
    },
  };
}
