// The assistant's own numbers: how far ahead a promise may be, its grace, and payment posting time.

/** A promise to pay may name today or a date up to this many days ahead; later, a plan fits better. */
export const PROMISE_HORIZON_DAYS = 30;

/** Reminders stay paused through the end of the promised date plus this many days. */
export const PROMISE_GRACE_DAYS = 2;

/** What borrowers are told a payment may take to show on their account. */
export const PAYMENT_POSTING_BUSINESS_DAYS = 2;
