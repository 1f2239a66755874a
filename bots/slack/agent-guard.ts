// Lets only allow-listed Slack users through; everyone else gets a polite refusal and an audit entry.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { agentTexts } from "../../prompts/index.ts";
import type { SlackContext } from "./slack-context.ts";

// biome-ignore lint/suspicious/noExplicitAny: Slack payloads differ by kind; we read a few fields
type Loose = Record<string, any>;

/** Who is asking, and what for; undefined for events the guard leaves to their handlers (messages). */
function attempt(
  body: Loose,
): { user: string; kind: string; what: string; channel?: string } | undefined {
  if (typeof body.command === "string") {
    return {
      user: body.user_id,
      kind: "command",
      what: `${body.command} ${body.text ?? ""}`.trim(),
      channel: body.channel_id,
    };
  }
  if (body.type === "block_actions") {
    return {
      user: body.user?.id,
      kind: "action",
      what: body.actions?.[0]?.action_id ?? "?",
      channel: body.channel?.id,
    };
  }
  if (body.type === "view_submission" || body.type === "view_closed") {
    return { user: body.user?.id, kind: "view", what: body.view?.callback_id ?? "?" };
  }
  if (body.event?.type === "app_home_opened") {
    return { user: body.event.user, kind: "app_home", what: "app_home_opened" };
  }
  return undefined;
}

export function agentGuard(ctx: SlackContext): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const who = attempt(args.body as Loose);
    if (!who || ctx.agents.has(who.user)) return args.next();
    const { client } = args as unknown as { client: import("@slack/bolt").webApi.WebClient };
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    await ctx.store.audit.append({
      actor: `slack:${who.user}`,
      action: "slack.refused",
      subject: `slack-user:${who.user}`,
      payload: { kind: who.kind, what: who.what },
      at: ctx.now().toISOString(),
    });
    ctx.log(`slack: refused ${who.kind} "${who.what}" from non-agent ${who.user}`);
    if (who.kind === "command")
      return ack?.({ response_type: "ephemeral", text: agentTexts.refused });
    await ack?.();
    if (who.kind === "app_home") {
      await client.views.publish({
        user_id: who.user,
        view: {
          type: "home",
          blocks: [{ type: "section", text: { type: "mrkdwn", text: agentTexts.refused } }],
        },
      });
    } else if (who.channel) {
      await client.chat.postEphemeral({
        channel: who.channel,
        user: who.user,
        text: agentTexts.refused,
      });
    }
  };
}
