// Several borrowers match `/repay find`: one masked line each, with a button that opens that borrower's card.
import type { types } from "@slack/bolt";
import type { Borrower } from "../../core/ports/index.ts";
import { agentTexts, fillText } from "../../prompts/index.ts";
import { ACTION, encodeTarget } from "./action-ids.ts";
import { button, md } from "./borrower-card.ts";
import { maskPhone } from "./mask.ts";

/**
 * The matches as the card shows a borrower: name, ref, masked phone, locale and zone; `limit`
 * is how many the search was asked for, so a full page says there may be more.
 *
 * @example ack({ response_type: "ephemeral", ...matchList(matches, "Ana Lopez", 10, channel) })
 */
export function matchList(
  matches: readonly Borrower[],
  query: string,
  limit: number,
  channel?: string,
): { text: string; blocks: types.KnownBlock[] } {
  const text = fillText(
    matches.length >= limit ? agentTexts.tooManyMatches : agentTexts.manyMatches,
    { count: matches.length, query },
  );
  const blocks: types.KnownBlock[] = [{ type: "section", text: md(text) }];
  for (const borrower of matches) {
    blocks.push({
      type: "section",
      text: md(
        `*${borrower.name}* · ${borrower.externalRef} · ${maskPhone(borrower.phone)} · ${borrower.locale} · ${borrower.timeZone}`,
      ),
      accessory: button(
        "Open card",
        ACTION.openCard,
        encodeTarget({ borrowerId: borrower.id, ...(channel ? { channel } : {}) }),
      ),
    });
  }
  return { text, blocks };
}
