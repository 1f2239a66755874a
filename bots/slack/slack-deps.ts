// What the Slack app needs from outside: the store, Slack credentials, the agent allowlist and a way to reach borrowers.
import type { Channel, Store } from "../../core/ports/index.ts";

/** A button under a message to the borrower; `action` comes back to the assistant when tapped. */
export interface BorrowerButton {
  readonly label: string;
  readonly action: string;
}

/**
 * Delivers text (and optional buttons) to the borrower; resolves with the channel it went on.
 * Throws a SendError when it cannot (NOT_LINKED: no chat to send to).
 */
export type SendToBorrower = (
  borrowerId: string,
  text: string,
  buttons?: readonly BorrowerButton[],
) => Promise<Channel>;

export interface SlackAppDeps {
  readonly store: Store;
  readonly signingSecret: string;
  readonly botToken: string;
  /** An app-level token (xapp-...) turns on Socket Mode, for local use without a public URL. */
  readonly appToken?: string;
  /** Web API root ending in "/api/"; tests point it at a local fake. */
  readonly slackApiUrl?: string;
  /** Slack user ids allowed to use the app (REPAY_SLACK_AGENTS). */
  readonly agents: readonly string[];
  /** Channel id where handoff cards and the daily digest go. */
  readonly collectionsChannel: string;
  readonly sendToBorrower: SendToBorrower;
  readonly lenderName?: string;
  /**
   * Largest waiver one agent action may grant (REPAY_SLACK_MAX_WAIVER): "USD:50.00,JPY:5000";
   * an unnamed currency gets a default from its exponent (see core/waivers).
   */
  readonly maxWaiver?: string;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
}
