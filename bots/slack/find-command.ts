// `/repay find <ref | name | phone digits>`: the borrower's card, or the matches to pick from, visible only to the agent.
import type { App } from "@slack/bolt";
import { agentTexts, fillText } from "../../prompts/index.ts";
import { auditAgent } from "./audit-agent.ts";
import { borrowerCard } from "./borrower-card.ts";
import { borrowerSnapshot } from "./borrower-snapshot.ts";
import { matchList } from "./match-list.ts";
import type { SlackContext } from "./slack-context.ts";

/** Matches listed at most; a full list says the search may be narrowed. */
const MATCHES_LISTED = 10;

export function registerFindCommand(app: App, ctx: SlackContext): void {
  app.command("/repay", async ({ command, ack }) => {
    const [verb, ...rest] = command.text.trim().split(/\s+/);
    const query = rest.join(" ");
    if (verb !== "find")
      return ack({ response_type: "ephemeral", text: agentTexts.unknownCommand });
    if (query === "") return ack({ response_type: "ephemeral", text: agentTexts.findUsage });
    const matches = await ctx.store.borrowers.search(query, MATCHES_LISTED);
    await auditAgent(ctx, {
      agent: command.user_id,
      action: "borrower.searched",
      subject: matches.length === 1 && matches[0] ? `borrower:${matches[0].id}` : "borrowers",
      details: { query, matches: matches.length },
    });
    const first = matches[0];
    if (!first) {
      return ack({ response_type: "ephemeral", text: fillText(agentTexts.noMatch, { query }) });
    }
    if (matches.length > 1) {
      return ack({
        response_type: "ephemeral",
        ...matchList(matches, query, MATCHES_LISTED, command.channel_id),
      });
    }
    const snapshot = await borrowerSnapshot(ctx.store, first, ctx.now());
    return ack({
      response_type: "ephemeral",
      text: `${first.name} (${first.externalRef})`,
      blocks: borrowerCard(snapshot, command.channel_id),
    });
  });
}
