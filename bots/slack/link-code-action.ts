// "Telegram link code": issues a one-time code for the borrower and shows it once, only to the agent.
import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { agentTexts, fillText } from "../../prompts/index.ts";
import {
  DEFAULT_LINK_CODE_TTL_MINUTES,
  generateLinkCode,
  hashLinkCode,
} from "../linking/link-code.ts";
import { ACTION } from "./action-ids.ts";
import { auditAgent } from "./audit-agent.ts";
import { targetOf } from "./contact-actions.ts";
import { notifyAgent } from "./notify-agent.ts";
import type { SlackContext } from "./slack-context.ts";

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
    await ctx.store.linkCodes.issue(borrower.id, hashLinkCode(code), expiresAt);
    // The code itself never goes to the audit log: whoever reads the log could link a chat with it.
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "link_code.issued",
      subject: `borrower:${borrower.id}`,
      details: { expiresAt },
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
