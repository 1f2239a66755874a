// The resolved dependencies every Slack handler shares: store, clock, log, lender and limits.
import type { Store } from "../../core/ports/index.ts";
import { parseWaiverCaps, type WaiverCaps } from "../../core/waivers/index.ts";
import type { SendToBorrower, SlackAppDeps } from "./slack-deps.ts";

export interface SlackContext {
  readonly store: Store;
  readonly agents: ReadonlySet<string>;
  readonly collectionsChannel: string;
  readonly sendToBorrower: SendToBorrower;
  readonly lenderName: string;
  /** Largest waiver per action, per currency (REPAY_SLACK_MAX_WAIVER). */
  readonly waiverCaps: WaiverCaps;
  readonly now: () => Date;
  readonly log: (line: string) => void;
}

export function slackContext(deps: SlackAppDeps): SlackContext {
  return {
    store: deps.store,
    agents: new Set(deps.agents),
    collectionsChannel: deps.collectionsChannel,
    sendToBorrower: deps.sendToBorrower,
    lenderName: deps.lenderName ?? "your lender",
    waiverCaps: parseWaiverCaps(deps.maxWaiver ?? ""),
    now: deps.now ?? (() => new Date()),
    log: deps.log ?? ((line) => console.error(line)),
  };
}

/** "agent:U123": how agents appear in the audit log, plans and handoffs. */
export function agentActor(userId: string): string {
  return `agent:${userId}`;
}
