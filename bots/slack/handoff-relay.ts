// Handoffs in Slack: the card with a Claim button, the agent's thread relayed to the borrower and back, and Release.
import type { App, BlockAction, ButtonAction, types } from "@slack/bolt";
import { CommandErrorCode, claimHandoff, releaseHandoff } from "../../core/commands/index.ts";
import { isDomainError } from "../../core/errors/index.ts";
import type { Borrower, Channel, Handoff, HandoffNotifier } from "../../core/ports/index.ts";
import { agentTexts, borrowerTexts, fillText } from "../../prompts/index.ts";
import { ACTION } from "./action-ids.ts";
import type { AgentNames } from "./agent-name.ts";
import { auditAgent } from "./audit-agent.ts";
import { button, md } from "./borrower-card.ts";
import { maskDigits, maskPhone } from "./mask.ts";
import { agentActor, type SlackContext } from "./slack-context.ts";

const TRANSCRIPT_LINES = 10;

/** Slack as the handoff notifier: the card in the collections channel, the claiming agent's thread. */
export interface HandoffRelay extends HandoffNotifier {
  /** Posts the handoff's card to the collections channel, once per handoff (`handoffOpened`). */
  postHandoff(handoffId: string): Promise<void>;
  /** Relays a borrower's message into the claiming agent's thread; false when no agent holds the chat. */
  relayToAgent(borrowerId: string, text: string, channel: Channel): Promise<boolean>;
}

export function handoffRelay(app: App, ctx: SlackContext, names: AgentNames): HandoffRelay {
  const client = app.client;

  const cardBlocks = async (
    handoff: Handoff,
    borrower: Borrower,
    footer: types.KnownBlock,
  ): Promise<types.KnownBlock[]> => {
    const recent = await ctx.store.conversation.recent(borrower.id, TRANSCRIPT_LINES);
    const transcript = recent
      .map(
        (m) =>
          `${m.direction === "inbound" ? "👤" : "🤖"} ${maskDigits(m.text).replace(/\s+/g, " ").slice(0, 200)}`,
      )
      .join("\n");
    return [
      {
        type: "header",
        text: { type: "plain_text", text: `Handoff: ${borrower.name} (${handoff.reason})` },
      },
      {
        type: "section",
        fields: [
          md(`*Ref*\n${borrower.externalRef}`),
          md(`*Phone*\n${maskPhone(borrower.phone)}`),
          md(`*Locale*\n${borrower.locale}`),
          md(`*Opened*\n${handoff.createdAt.slice(0, 16).replace("T", " ")}`),
        ],
      },
      { type: "section", text: md(`*Recent messages*\n${transcript || "none"}`) },
      footer,
    ];
  };

  const tellBorrower = async (borrowerId: string, text: string, author: string) => {
    const channel = await ctx.sendToBorrower(borrowerId, text);
    await ctx.store.conversation.append({
      borrowerId,
      channel,
      direction: "outbound",
      text,
      at: ctx.now().toISOString(),
      author,
    });
  };

  app.action<BlockAction<ButtonAction>>(ACTION.claim, async ({ ack, body }) => {
    await ack();
    const agent = body.user.id;
    const channel = body.channel?.id;
    const ts = body.message?.ts;
    const handoffId = body.actions[0]?.value ?? "";
    if (!channel || !ts) return;
    const result = await claimHandoff(ctx.store, {
      handoffId,
      thread: { channel, ts },
      actor: agentActor(agent),
      at: ctx.now().toISOString(),
    }).catch((error: unknown) => {
      if (isDomainError(error) && error.code === CommandErrorCode.HandoffTaken) return undefined;
      throw error;
    });
    if (!result) {
      await client.chat.postEphemeral({ channel, user: agent, text: agentTexts.claimTaken });
      return;
    }
    const { handoff: claimed, borrower } = result;
    await client.chat.update({
      channel,
      ts,
      text: `Handoff claimed by <@${agent}>`,
      blocks: await cardBlocks(claimed, borrower, {
        type: "actions",
        elements: [button("Release to assistant", ACTION.release, claimed.id)],
      }),
    });
    await client.chat.postMessage({
      channel,
      thread_ts: ts,
      text: fillText(agentTexts.claimed, { agent }),
    });
    const t = borrowerTexts[borrower.locale];
    await tellBorrower(
      borrower.id,
      fillText(t.agentJoined, { agent: await names(client, agent), lender: ctx.lenderName }),
      agentActor(agent),
    ).catch((error) =>
      ctx.log(`slack: could not tell borrower ${borrower.id} an agent joined: ${String(error)}`),
    );
  });

  app.action<BlockAction<ButtonAction>>(ACTION.release, async ({ ack, body }) => {
    await ack();
    const agent = body.user.id;
    const channel = body.channel?.id;
    if (!channel) return;
    const handoff = await releaseHandoff(ctx.store, {
      handoffId: body.actions[0]?.value ?? "",
      actor: agentActor(agent),
      at: ctx.now().toISOString(),
    }).catch(async (error: unknown) => {
      if (!isDomainError(error)) throw error;
      if (error.code === CommandErrorCode.HandoffNotClaimer) {
        await client.chat.postEphemeral({
          channel,
          user: agent,
          text: fillText(agentTexts.notClaimer, {
            agent: String(error.details.claimedBy ?? "").replace(/^agent:/, ""),
          }),
        });
        return undefined;
      }
      // A second press on a card already released, or a forged id, does nothing.
      const quiet: string[] = [CommandErrorCode.HandoffNotActive, CommandErrorCode.HandoffNotFound];
      if (quiet.includes(error.code)) return undefined;
      throw error;
    });
    if (!handoff) return;
    if (handoff.slackChannel && handoff.slackThreadTs) {
      await client.chat.update({
        channel: handoff.slackChannel,
        ts: handoff.slackThreadTs,
        text: `Handoff released by <@${agent}>`,
        blocks: [
          {
            type: "section",
            text: md(`Handoff released by <@${agent}>; the assistant answers again.`),
          },
        ],
      });
      await client.chat.postMessage({
        channel: handoff.slackChannel,
        thread_ts: handoff.slackThreadTs,
        text: fillText(agentTexts.released, { agent }),
      });
    }
    const borrower = await ctx.store.borrowers.byId(handoff.borrowerId);
    if (borrower) {
      const t = borrowerTexts[borrower.locale];
      await tellBorrower(
        borrower.id,
        fillText(t.agentLeft, { agent: await names(client, agent) }),
        agentActor(agent),
      ).catch((error) =>
        ctx.log(`slack: could not tell borrower ${borrower.id} the agent left: ${String(error)}`),
      );
    }
  });

  // The claiming agent's replies in the handoff thread go to the borrower, signed with their first name.
  app.event("message", async ({ event }) => {
    const message = event as {
      subtype?: string;
      bot_id?: string;
      thread_ts?: string;
      ts: string;
      channel: string;
      user?: string;
      text?: string;
    };
    if (message.subtype || message.bot_id || !message.thread_ts || !message.user || !message.text)
      return;
    if (message.thread_ts === message.ts) return;
    const handoff = await ctx.store.handoffs.byThread(message.channel, message.thread_ts);
    if (handoff?.status !== "claimed") return;
    if (handoff.claimedBy !== agentActor(message.user)) {
      await auditAgent(ctx, {
        agent: message.user,
        action: "handoff.message_refused",
        subject: `borrower:${handoff.borrowerId}`,
        details: { handoffId: handoff.id, agent: ctx.agents.has(message.user) },
      });
      await client.chat.postEphemeral({
        channel: message.channel,
        user: message.user,
        thread_ts: message.thread_ts,
        text: ctx.agents.has(message.user)
          ? fillText(agentTexts.notClaimer, {
              agent: (handoff.claimedBy ?? "").replace(/^agent:/, ""),
            })
          : agentTexts.refused,
      });
      return;
    }
    const borrower = await ctx.store.borrowers.byId(handoff.borrowerId);
    if (!borrower) return;
    const text = fillText(borrowerTexts[borrower.locale].fromAgent, {
      agent: await names(client, message.user),
      lender: ctx.lenderName,
      text: message.text,
    });
    try {
      await tellBorrower(borrower.id, text, agentActor(message.user));
    } catch (error) {
      ctx.log(`slack: agent message to borrower ${borrower.id} failed: ${String(error)}`);
      await client.chat.postMessage({
        channel: message.channel,
        thread_ts: message.thread_ts,
        text: `:warning: Not delivered to the borrower (${errorCode(error)}).`,
      });
      return;
    }
    await auditAgent(ctx, {
      agent: message.user,
      action: "handoff.message_sent",
      subject: `borrower:${borrower.id}`,
      details: { handoffId: handoff.id, chars: message.text.length },
    });
  });

  const relay: HandoffRelay = {
    handoffOpened: (handoffId) => relay.postHandoff(handoffId),
    async postHandoff(handoffId) {
      const handoff = await ctx.store.handoffs.byId(handoffId);
      if (handoff?.status !== "open") return;
      const posted = await ctx.store.audit.forSubject(`handoff:${handoff.id}`, 5);
      if (posted.some((entry) => entry.action === "handoff.posted")) return;
      const borrower = await ctx.store.borrowers.byId(handoff.borrowerId);
      if (!borrower) return;
      const result = await client.chat.postMessage({
        channel: ctx.collectionsChannel,
        text: `Handoff: ${borrower.name} asked for a person (${handoff.reason})`,
        blocks: await cardBlocks(handoff, borrower, {
          type: "actions",
          elements: [button("Claim", ACTION.claim, handoff.id, "primary")],
        }),
      });
      await ctx.store.audit.append({
        actor: "slack",
        action: "handoff.posted",
        subject: `handoff:${handoff.id}`,
        payload: { channel: result.channel ?? ctx.collectionsChannel, ts: result.ts ?? null },
        at: ctx.now().toISOString(),
      });
    },

    async relayToAgent(borrowerId, text, channel) {
      const handoff = await ctx.store.handoffs.active(borrowerId);
      if (handoff?.status !== "claimed" || !handoff.slackChannel || !handoff.slackThreadTs)
        return false;
      await client.chat.postMessage({
        channel: handoff.slackChannel,
        thread_ts: handoff.slackThreadTs,
        text: `👤 Borrower${channel === "telegram" ? "" : ` (${channel})`}: ${text}`,
      });
      await ctx.store.conversation.append({
        borrowerId,
        channel,
        direction: "inbound",
        text,
        at: ctx.now().toISOString(),
        author: "borrower",
      });
      return true;
    },
  };
  return relay;
}

function errorCode(error: unknown): string {
  return typeof error === "object" && error && "reason" in error
    ? String((error as { reason: unknown }).reason)
    : "error";
}
