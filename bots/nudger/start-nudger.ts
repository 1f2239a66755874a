// Runs the planner and the dispatcher on timers inside the product process, until stopped.
import { type DispatcherDeps, dispatchTick } from "./dispatcher.ts";
import { type PlannerDeps, planTick } from "./planner.ts";

export interface NudgerLoopOptions {
  readonly planner: PlannerDeps;
  readonly dispatcher: DispatcherDeps;
  /** Default 60 s: the planner's nextNudgeAt times are window openings, minute-precise. */
  readonly planEveryMs?: number;
  /** Default 5 s. */
  readonly dispatchEveryMs?: number;
  readonly now?: () => string;
  /** Runs a planner pass at `now`. Default planTick(planner, now). */
  readonly planTick?: (now: string) => Promise<unknown>;
  readonly log?: (line: string) => void;
}

export interface NudgerLoop {
  /** Waits for the tick in progress, then stops. */
  stop(): Promise<void>;
}

/**
 * Starts both loops; a failing tick is logged and the next one runs as usual. Each loop waits
 * for its tick to finish before scheduling the next, so ticks never overlap.
 *
 * @example const nudger = startNudger({ planner, dispatcher, log }); ... await nudger.stop();
 */
export function startNudger(options: NudgerLoopOptions): NudgerLoop {
  const now = options.now ?? (() => new Date().toISOString());
  const log = options.log ?? ((line: string) => console.error(line));
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const timers = new Set<NodeJS.Timeout>();

  const loop = (name: string, everyMs: number, tick: () => Promise<unknown>) => {
    const run = async () => {
      if (stopped) return;
      const work = tick().catch((error: unknown) =>
        log(`nudger ${name}: ${error instanceof Error ? error.message : String(error)}`),
      );
      running.add(work);
      await work;
      running.delete(work);
      if (stopped) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run();
      }, everyMs);
      timers.add(timer);
    };
    void run();
  };

  const plan = options.planTick ?? ((at: string) => planTick(options.planner, at));
  loop("planner", options.planEveryMs ?? 60_000, () => plan(now()));
  loop("dispatcher", options.dispatchEveryMs ?? 5_000, () =>
    dispatchTick(options.dispatcher, now()),
  );
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(running);
    },
  };
}
