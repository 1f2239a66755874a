// One send with bounded retries of failures that surely delivered nothing; the rest are final.
import {
  type ChannelSender,
  isSendError,
  type OutboundNudge,
  SendError,
} from "../../core/ports/index.ts";

export type SendOutcome =
  | { readonly ok: true; readonly providerMessageId: string; readonly attempts: number }
  | { readonly ok: false; readonly error: SendError; readonly attempts: number };

export interface RetryPolicy {
  /** Tries in all for transient failures (5xx, connection refused). */
  readonly maxAttempts: number;
  /** First wait; doubles each retry. */
  readonly backoffMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Checked before every try: false stops (e.g. the lease is about to run out). */
  readonly mayTry: () => boolean;
}

export const LEASE_RUNNING_OUT = new SendError(
  "transient",
  "LEASE_RUNNING_OUT",
  "the claim's lease would run out before the send could finish",
);

/**
 * Sends `message`; retries only `transient` errors, with exponential backoff. Anything thrown
 * that is not a SendError may have reached the provider, so it is "unknown" and not retried.
 */
export async function sendWithRetry(
  sender: ChannelSender,
  message: OutboundNudge,
  policy: RetryPolicy,
): Promise<SendOutcome> {
  let attempts = 0;
  for (;;) {
    if (!policy.mayTry()) return { ok: false, error: LEASE_RUNNING_OUT, attempts };
    attempts++;
    try {
      const { providerMessageId } = await sender.send(message);
      return { ok: true, providerMessageId, attempts };
    } catch (thrown) {
      const error = isSendError(thrown)
        ? thrown
        : new SendError("unknown", "SENDER_ERROR", String((thrown as Error)?.message ?? thrown));
      if (error.kind !== "transient" || attempts >= policy.maxAttempts) {
        return { ok: false, error, attempts };
      }
      await policy.sleep(policy.backoffMs * 2 ** (attempts - 1));
    }
  }
}
