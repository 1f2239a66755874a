// App Home (the agent's queue with buttons to open each card) and the daily digest for the collections channel.
import type { App, BlockAction, ButtonAction, types } from "@slack/bolt";
import { localDate } from "../../core/dates/index.ts";
import { ACTION, decodeTarget, encodeTarget } from "./action-ids.ts";
import { agentQueue, type QueueItem, type QueueKind } from "./agent-queue.ts";
import { auditAgent } from "./audit-agent.ts";
import { borrowerCard, button, md } from "./borrower-card.ts";
import { borrowerSnapshot } from "./borrower-snapshot.ts";
import { maskPhone } from "./mask.ts";
import { type Scored, scoreLine } from "./queue-scores.ts";
import type { SlackContext } from "./slack-context.ts";

const HEADINGS: Readonly<Record<QueueKind, string>> = {
  handoff: "Open handoffs",
  dispute: "Disputes",
  broken_promise: "Broken promises",
  no_plan_30: "30+ days past due, no plan",
};

export function queueBlocks(
  items: readonly (QueueItem | Scored<QueueItem>)[],
  withButtons: boolean,
): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [];
  for (const kind of Object.keys(HEADINGS) as QueueKind[]) {
    const group = items.filter((i) => i.kind === kind);
    blocks.push({
      type: "header",
      text: { type: "plain_text", text: `${HEADINGS[kind]} (${group.length})` },
    });
    for (const item of group.slice(0, 15)) {
      const { name, externalRef, phone } = item.borrower;
      const score = "score" in item ? `\n${scoreLine(item.score)}` : "";
      const text = md(`*${name}* · ${externalRef} · ${maskPhone(phone)}\n${item.detail}${score}`);
      blocks.push(
        withButtons
          ? {
              type: "section",
              text,
              accessory: button(
                "Open card",
                ACTION.openCard,
                encodeTarget({ borrowerId: item.borrower.id }),
              ),
            }
          : { type: "section", text },
      );
    }
  }
  return blocks.slice(0, 100);
}

export interface DigestOptions {
  /** Zone whose calendar date heads the digest; default UTC. */
  readonly timeZone?: string;
}

export function registerAppHome(
  app: App,
  ctx: SlackContext,
): { postDigest(options?: DigestOptions): Promise<void> } {
  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await client.views.publish({
      user_id: event.user,
      view: { type: "home", blocks: queueBlocks(await agentQueue(ctx), true) },
    });
  });

  app.action<BlockAction<ButtonAction>>(ACTION.openCard, async ({ ack, body, client }) => {
    await ack();
    const target = decodeTarget(body.actions[0]?.value);
    const borrower = target ? await ctx.store.borrowers.byId(target.borrowerId) : undefined;
    if (!borrower) return;
    await auditAgent(ctx, {
      agent: body.user.id,
      action: "borrower.viewed",
      subject: `borrower:${borrower.id}`,
    });
    const blocks = borrowerCard(await borrowerSnapshot(ctx.store, borrower, ctx.now()));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: {
        type: "modal",
        title: { type: "plain_text", text: "Borrower" },
        close: { type: "plain_text", text: "Close" },
        blocks,
      },
    });
  });

  return {
    async postDigest(options = {}) {
      const items = await agentQueue(ctx);
      const today = localDate(ctx.now(), options.timeZone ?? "UTC");
      await app.client.chat.postMessage({
        channel: ctx.collectionsChannel,
        text: `Daily queue: ${items.length} item(s) need an agent`,
        blocks: [
          {
            type: "section",
            text: md(`*Daily queue for ${today}*`),
          },
          ...queueBlocks(items, false),
        ].slice(0, 50),
      });
    },
  };
}
