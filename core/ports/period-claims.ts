// Port: work done once per period for the whole cluster (a planner tick, the agents' digest).

/**
 * A queue engine delivers a scheduled job at least once (a stalled job is run again), so the
 * work itself must make a second run a no-op: the first claim of a period's key wins, and
 * only the winner does the work. Claimed before the work starts: at most once per period.
 */
export interface PeriodClaims {
  /**
   * True when this call claimed `key` (e.g. "agents-digest:1764979200000"); false when any
   * caller, in any process, claimed it before.
   */
  claim(key: string, by: string, at: string): Promise<boolean>;
  /** Forgets claims made before `before` (their periods are long past); returns how many. */
  pruneBefore(before: string): Promise<number>;
}
