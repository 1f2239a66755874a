// core/portfolio: its public API.
export { BUCKETS, bucketRank } from "./buckets.ts";
export { loanPosition } from "./loan-position.ts";
export { weekStart } from "./week-start.ts";
