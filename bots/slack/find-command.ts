// `/repay find <ref | name | phone digits>`: answers the agent with the borrower's card, visible only to them.
import type { App } from "@slack/bolt";
import { agentTexts, fillText } from "../../prompts/slack.ts";
import { auditAgent } from "./audit-agent.ts";
import { borrowerCard } from "./borrower-card.ts";
import { borrowerSnapshot } from "./borrower-snapshot.ts";
import type { SlackContext } from "./slack-context.ts";

export function registerFindCommand(app: App, ctx: SlackContext): void {
  app.command("/repay", async ({ command, ack }) => {
    const [verb, ...rest] = command.text.trim().split(/\s+/);
    const query = rest.join(" ");
    if (verb !== "find")
      return ack({ response_type: "ephemeral", text: agentTexts.unknownCommand });
    if (query === "") return ack({ response_type: "ephemeral", text: agentTexts.findUsage });
    const matches = await ctx.store.borrowers.search(query, 5);
    await auditAgent(ctx, {
      agent: command.user_id,
      action: "borrower.searched",
      subject: matches[0] ? `borrower:${matches[0].id}` : "borrowers",
      details: { query, matches: matches.length },
    });
    const first = matches[0];
    if (!first) {
      return ack({ response_type: "ephemeral", text: fillText(agentTexts.noMatch, { query }) });
    }
    const snapshot = await borrowerSnapshot(ctx.store, first, ctx.now());
    const blocks = borrowerCard(snapshot, command.channel_id);
    const note =
      matches.length > 1 ? fillText(agentTexts.manyMatches, { count: matches.length, query }) : "";
    return ack({
      response_type: "ephemeral",
      text: `${first.name} (${first.externalRef}) ${note}`.trim(),
      blocks,
    });
  });
}
