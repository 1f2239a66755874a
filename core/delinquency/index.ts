// Public API of delinquency: days past due and buckets.

export { delinquencyBucket } from "./bucket.ts";
export { daysPastDue } from "./days-past-due.ts";
