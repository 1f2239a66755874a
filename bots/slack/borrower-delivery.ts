// An agent's words reach the borrower where the borrower last wrote: their Telegram chat or their phone.
import { type ChannelSender, SendError, type Store } from "../../core/ports/index.ts";
import type { SendToBorrower } from "./slack-deps.ts";

/** The ways this deployment can reach a borrower; at least one. */
export interface BorrowerChannels {
  /** Telegram: the linked chat (telegramDelivery). */
  readonly telegram?: SendToBorrower;
  /** SMS: the number on record, through the SMS channel's sender. */
  readonly sms?: ChannelSender;
}

/** How far back the borrower's last message on a channel is looked for. */
const LOOK_BACK = 20;

/**
 * Sends on the channel of the borrower's latest message (Telegram when they never wrote, or
 * when buttons must go along: a text cannot carry them). An SMS goes only to a number not
 * opted out: STOP holds for agents too.
 *
 * @example createSlackApp({ ..., sendToBorrower: lastChannelDelivery(store, { telegram, sms: sms.sender }) })
 */
export function lastChannelDelivery(store: Store, channels: BorrowerChannels): SendToBorrower {
  return async (borrowerId, text, buttons = []) => {
    const { telegram, sms } = channels;
    const bySms = sms && (!telegram || (buttons.length === 0 && (await lastWroteBySms())));
    if (bySms) {
      if ((await store.contact.optedOutChannels(borrowerId)).includes("sms")) {
        throw new SendError("permanent", "OPTED_OUT", "the borrower opted out of texts (STOP)");
      }
      await sms.send({ channel: "sms", borrowerId, text });
      return "sms";
    }
    if (!telegram) {
      throw new SendError("permanent", "NOT_LINKED", "no channel to the borrower is configured");
    }
    return telegram(borrowerId, text, buttons);

    async function lastWroteBySms(): Promise<boolean> {
      const recent = await store.conversation.recent(borrowerId, LOOK_BACK);
      const last = recent
        .filter(
          (m) => m.direction === "inbound" && (m.channel === "sms" || m.channel === "telegram"),
        )
        .at(-1);
      return last?.channel === "sms";
    }
  };
}
