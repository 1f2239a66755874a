// Port: what limits contact with a borrower: opt-outs per channel, pauses and promises to pay.
import type { IsoDate } from "../dates/iso-date.ts";
import type { Money } from "../money/money.ts";
import type { Channel } from "./channel.ts";

/**
 * "unreachable": the nudger found the channel named in `createdBy` ("nudger:telegram") dead
 * (blocked, chat gone); nudges on it stop until the pause is lifted.
 */
export type PauseReason =
  | "promise"
  | "plan"
  | "dispute"
  | "agent_hold"
  | "hardship"
  | "unreachable";

export interface Pause {
  readonly id: string;
  readonly borrowerId: string;
  readonly loanId?: string;
  readonly reason: PauseReason;
  /** UTC ISO instant; absent: until lifted. */
  readonly until?: string;
  readonly createdBy: string;
}

export interface PromiseToPay {
  readonly id: string;
  readonly borrowerId: string;
  readonly loanId: string;
  readonly amount: Money;
  readonly promisedFor: IsoDate;
  /** "closed": an accepted plan replaced the arrears it was for; neither kept nor broken. */
  readonly status: "open" | "kept" | "broken" | "closed";
}

export interface ContactControls {
  optOut(borrowerId: string, channel: Channel, at: string): Promise<void>;
  optIn(borrowerId: string, channel: Channel): Promise<void>;
  optedOutChannels(borrowerId: string): Promise<Channel[]>;
  /** `optedOutChannels` for many borrowers in one read: an entry for every id asked. */
  optedOutChannelsFor(borrowerIds: readonly string[]): Promise<Map<string, Channel[]>>;
  pause(pause: Omit<Pause, "id">): Promise<Pause>;
  liftPause(id: string, at: string): Promise<void>;
  /** Pauses not lifted and not expired at `now`. */
  activePauses(borrowerId: string, now: string): Promise<Pause[]>;
  /** `activePauses` for many borrowers in one read: an entry for every id asked. */
  activePausesFor(borrowerIds: readonly string[], now: string): Promise<Map<string, Pause[]>>;
  promise(promise: Omit<PromiseToPay, "id" | "status">): Promise<PromiseToPay>;
  setPromiseStatus(id: string, status: PromiseToPay["status"], at: string): Promise<void>;
  promises(borrowerId: string): Promise<PromiseToPay[]>;
  /** `promises` for many borrowers in one read: an entry for every id asked, in the same order. */
  promisesFor(borrowerIds: readonly string[]): Promise<Map<string, PromiseToPay[]>>;
  /** Promises marked "broken", across borrowers, newest first (latest promised date, then id), at most `limit`. */
  brokenPromises(limit: number): Promise<PromiseToPay[]>;
}
