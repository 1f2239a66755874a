// "Telegram link code": issues a one-time code for the borrower and shows it once, only to the agent.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { issueLinkCode } from "../../core/commands/index.ts";
import { agentTexts, fillText } from "../../prompts/index.ts";
import {
  DEFAULT_LINK_CODE_TTL_MINUTES,
  generateLinkCode,
  hashLinkCode,
} from "../linking/link-code.ts";
import { ACTION } from "./action-ids.ts";
import { targetOf } from "./contact-actions.ts";
import { notifyAgent } from "./notify-agent.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

export function registerLinkCodeAction(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(ACTION.linkCode, async ({ ack, body, client }) => {
    await ack();
    const target = targetOf(body);
    const borrower = target ? await ctx.store.borrowers.byId(target.borrowerId) : undefined;
    if (!target || !borrower) return;
    const code = generateLinkCode();
    const expiresAt = new Date(
      ctx.now().getTime() + DEFAULT_LINK_CODE_TTL_MINUTES * 60_000,
    ).toISOString();
    // Only the hash is stored or audited: whoever reads the log could link a chat with the code.
    await issueLinkCode(ctx.store, {
      borrowerId: borrower.id,
      codeHash: hashLinkCode(code),
      expiresAt,
      actor: agentActor(body.user.id),
      at: ctx.now().toISOString(),
    });
    await notifyAgent(
      client,
      body.user.id,
      target.channel,
      fillText(agentTexts.linkCode, {
        name: borrower.name,
        code,
        expires: expiresAt.slice(0, 16).replace("T", " "),
      }),
    );
  });
}
