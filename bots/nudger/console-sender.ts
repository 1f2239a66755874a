// Prints nudges instead of sending them: the console demo and the simulator use it.
import type { ChannelSender } from "../../core/ports/index.ts";

export interface ConsoleSenderOptions {
  /** Where nudges are written; default process.stdout. */
  readonly write?: (text: string) => void;
  /** Stamps each printed nudge; default the system clock. */
  readonly clock?: () => string;
}

/**
 * A ChannelSender that writes each nudge as a short block and never fails.
 *
 * @example const sender = createConsoleSender({ write: (t) => process.stderr.write(t) });
 */
export function createConsoleSender(options: ConsoleSenderOptions = {}): ChannelSender {
  const write = options.write ?? ((text: string) => process.stdout.write(text));
  const clock = options.clock ?? (() => new Date().toISOString());
  let sequence = 0;
  return {
    async send({ channel, borrowerId, text }) {
      sequence += 1;
      const indented = text.replace(/\n/g, "\n  ");
      write(`── nudge #${sequence} to ${borrowerId} (${channel}) at ${clock()}\n  ${indented}\n`);
      return { providerMessageId: `console:${sequence}` };
    },
  };
}
