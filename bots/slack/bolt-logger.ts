// Bolt's own log lines (an event not acknowledged in time, a failed listener) go where the product's do.
import { type Logger, LogLevel } from "@slack/bolt";

const RANK: Readonly<Record<LogLevel, number>> = {
  [LogLevel.DEBUG]: 0,
  [LogLevel.INFO]: 1,
  [LogLevel.WARN]: 2,
  [LogLevel.ERROR]: 3,
};

/**
 * A Bolt Logger writing through `log`, each line prefixed "slack:". Errors only by default, as
 * Bolt's own console logger was set before; Bolt may raise or lower the level.
 *
 * @example new HTTPReceiver({ signingSecret, logger: boltLogger(ctx.log) })
 */
export function boltLogger(log: (line: string) => void): Logger {
  let level = LogLevel.ERROR;
  const at =
    (lineLevel: LogLevel) =>
    (...parts: unknown[]) => {
      if (RANK[lineLevel] < RANK[level]) return;
      log(
        `slack: ${parts.map((part) => (part instanceof Error ? part.message : String(part))).join(" ")}`,
      );
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
