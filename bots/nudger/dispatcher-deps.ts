// What the dispatcher works with: the store, the senders, the policy profile, and its settings.

import type { NudgeFacts, NudgeTemplates, RenderedNudge } from "../../core/nudges/index.ts";
import type {
  ContactProfile,
  DecisionListener,
  NudgeDecisionEvent,
  NudgeKind,
  NudgeOutcome,
} from "../../core/policy/index.ts";
import type { Channel, ChannelSender, NudgeRow, PayLink, Store } from "../../core/ports/index.ts";
import type { SendSlotTurn } from "./in-flight-sender.ts";
import type { WordingDeps } from "./word-nudge.ts";

/**
 * With `llm` set, each rendered nudge is offered to the model for rewording (see wordNudge);
 * the guard decides which text goes out, and an audit line says which.
 */
export interface DispatcherDeps extends WordingDeps {
  readonly store: Store;
  readonly profile: ContactProfile;
  readonly senders: Partial<Record<Channel, ChannelSender>>;
  readonly lenderName: string;
  readonly payLink?: PayLink;
  /** Default: the templates in prompts/. */
  readonly templates?: NudgeTemplates;
  /** Default: renderNudge with `templates`. */
  readonly render?: (facts: NudgeFacts) => RenderedNudge;
  /** Default `<host>:<pid>`. */
  readonly workerId?: string;
  /** Must outlast a batch at the sender's rate plus retries. Default 120 s. */
  readonly leaseSeconds?: number;
  /** Rows claimed per tick. Default 50. */
  readonly batchSize?: number;
  /** Borrowers sent to at once; the sender's rate limiter does the pacing. Default 8. */
  readonly concurrency?: number;
  /** Tries for a transient failure. Default 3. */
  readonly maxAttempts?: number;
  /** First backoff; doubles. Default 500 ms. */
  readonly backoffMs?: number;
  /** The time as sends happen (re-checks, sentAt, lease checks). Default: the system clock. */
  readonly clock?: () => string;
  readonly sleep?: (ms: number) => Promise<void>;
  /** Channels in preference order, as the planner has them. Default ["telegram"]. */
  readonly channels?: readonly Channel[];
  /** Per-channel shaping of the final text (SMS: its opt-out line, at most 3 segments). */
  readonly formats?: Partial<Record<Channel, (text: string, facts: NudgeFacts) => string>>;
  /** Test hook: lets a test find the rows a message carried in what the provider received. */
  readonly tagText?: (text: string, rows: readonly NudgeRow[]) => string;
  readonly onDecision?: DecisionListener;
  /**
   * False: the tone rules ignore the repayment score (the simulator keeps its pinned demo
   * output). Default true: a score below LOW_SCORE_BELOW picks the supportive tone.
   */
  readonly toneFromScore?: boolean;
  /** Each send's turn at a send slot (see dispatch-jobs); the send is marked in flight within it. */
  readonly sendSlot?: () => SendSlotTurn;
}

/** Reports one row's outcome (and counts it). */
export type Emit = (
  row: NudgeRow,
  decision: Exclude<NudgeOutcome, "planned">,
  kind: NudgeKind | null,
  reasons: readonly string[],
  extra?: Partial<
    Pick<
      NudgeDecisionEvent,
      "until" | "text" | "wording" | "rejectedBecause" | "tone" | "segment" | "score" | "scoreGrade"
    >
  >,
) => void;
