// A CPU profile of one stretch of a bench (node's inspector, in process): where a pass spends its time.
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";

/**
 * Runs `work`, and when `file` is given writes a V8 CPU profile of just that stretch to it
 * (open it in Chrome's DevTools or any .cpuprofile viewer). Without `file` it only runs `work`.
 */
export async function profiled<T>(file: string | undefined, work: () => Promise<T>): Promise<T> {
  if (!file) return work();
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  }
}
