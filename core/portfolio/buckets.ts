// The delinquency buckets in report order, and the roll-rate target "closed".
import type { DelinquencyBucket } from "../delinquency/index.ts";

/** Every bucket of core/delinquency, least late first. */
export const BUCKETS: readonly DelinquencyBucket[] = ["current", "1-30", "31-60", "61-90", "90+"];

/** Position of a bucket in report order (an unknown word sorts last). */
export function bucketRank(bucket: string): number {
  const rank = BUCKETS.indexOf(bucket as DelinquencyBucket);
  return rank === -1 ? BUCKETS.length : rank;
}
