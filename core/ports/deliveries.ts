// Port: what the provider reported after a nudge was handed over (SMS delivery callbacks).

/** Twilio's message statuses after the send; the last one reported is kept. */
export type DeliveryStatus = "queued" | "sent" | "delivered" | "undelivered" | "failed";

export interface Delivery {
  readonly nudgeId: string;
  readonly providerMessageId: string;
  readonly status: DeliveryStatus;
  /** The carrier's or provider's code with undelivered / failed, e.g. "30003". */
  readonly errorCode?: string;
  readonly at: string;
}

export interface NudgeDeliveries {
  /** Sets the status on every outbox row that carried the message; returns how many. */
  record(
    providerMessageId: string,
    status: DeliveryStatus,
    errorCode: string | undefined,
    at: string,
  ): Promise<number>;
  /** The delivery state of each row that carried the message (none reported: absent). */
  forMessage(providerMessageId: string): Promise<Delivery[]>;
}
