// Shapes of the fake Slack Web API: the calls it records and the knobs tests turn.

/** One Web API call as the fake received it; JSON-string form fields (blocks, view) are parsed. */
export interface SlackCall {
  readonly method: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary Slack payloads
  readonly args: Record<string, any>;
  /** Bearer token from the Authorization header, or the `token` form field. */
  readonly token?: string;
  /** 200, or 429 when the fake answered "ratelimited". */
  readonly status: number;
  /** What the fake answered (for chat.postMessage: the new message's `ts`). */
  // biome-ignore lint/suspicious/noExplicitAny: as above
  readonly result?: Record<string, any>;
}

export interface FakeSlack {
  /** Base URL for `clientOptions.slackApiUrl`, ending in "/api/". */
  readonly apiUrl: string;
  readonly token: string;
  readonly botUserId: string;
  /** Every call, oldest first, including rate-limited ones. */
  calls(method?: string): SlackCall[];
  /** Answers the next `times` calls of `method` with 429 and `Retry-After: retryAfterSeconds`. */
  rateLimit(method: string, times: number, retryAfterSeconds: number): void;
  /** Waits until a recorded call matches, or fails after `timeoutMs`. */
  waitFor(match: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Known users for users.info: id -> real name. */
  addUser(id: string, realName: string): void;
  close(): Promise<void>;
}
