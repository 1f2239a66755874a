// CPU time of the local PostgreSQL server's processes, from /proc: where a pass's database work goes.
import { readdirSync, readFileSync } from "node:fs";

/** Linux reports process times in clock ticks; 100 a second on every common build. */
const TICKS_PER_SECOND = 100;

/**
 * The user + system CPU, in ms, of every process named `postgres` this user can read now
 * (the server's backends, its writer, checkpointer, WAL writer); undefined where /proc is not
 * there (not Linux) or no such process is visible (the server runs elsewhere). A backend that
 * exits between two readings takes its CPU with it: read around a stretch whose connections
 * stay open.
 */
export function postgresServerCpuMs(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let ticks = 0;
  let seen = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // exited since the listing, or not ours to read
    }
    const process = processTicks(stat);
    if (process?.name !== "postgres") continue;
    ticks += process.ticks;
    seen++;
  }
  return seen === 0 ? undefined : Math.round((ticks * 1000) / TICKS_PER_SECOND);
}

/**
 * A /proc/<pid>/stat line's process name and its user + system CPU in clock ticks; undefined
 * for a line not of that shape. The name sits in parentheses and may itself hold spaces and
 * parentheses, so the fields are counted after the last ")".
 */
export function processTicks(stat: string): { name: string; ticks: number } | undefined {
  const open = stat.indexOf("(");
  const close = stat.lastIndexOf(")");
  if (open < 0 || close < open) return undefined;
  const fields = stat.slice(close + 2).split(" ");
  // utime and stime are fields 14 and 15 of the line; fields[0] here is field 3 (the state).
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? { name: stat.slice(open + 1, close), ticks } : undefined;
}

/** The server CPU spent between `before` (a postgresServerCpuMs reading) and now. */
export function postgresServerCpuSince(before: number | undefined): number | undefined {
  const now = postgresServerCpuMs();
  return before === undefined || now === undefined ? undefined : now - before;
}
