// Public API of delinquency: days past due and buckets.

export { type DelinquencyBucket, delinquencyBucket } from "./bucket.ts";
export { daysPastDue } from "./days-past-due.ts";
