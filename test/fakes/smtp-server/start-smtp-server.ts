// A real SMTP server in the test process (smtp-server), each message parsed with mailparser.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  readonly to: readonly string[];
  readonly parsed: ParsedMail;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port> */
  readonly url: string;
  readonly received: ReceivedMail[];
  /** The most connections ever open at once. */
  readonly peakConnections: () => number;
  /** Refuses RCPT TO for this address with `code` ("550" no such mailbox, "451" try later). */
  refuseRecipient(address: string, code: number): void;
  /**
   * Holds every message at DATA until `count` messages are held at once, then lets all through
   * (so a test sees the client open as many connections in parallel as it will).
   */
  holdUntil(count: number): void;
  /** Resolves when `count` messages have arrived in all. */
  waitFor(count: number): Promise<void>;
  close(): Promise<void>;
}

/** @example const smtp = await startSmtpServer(); ...; smtp.received[0]?.parsed.subject */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const refused = new Map<string, number>();
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  let open = 0;
  let peak = 0;
  let gate: { count: number; held: Array<() => void> } | undefined;

  const notify = () => {
    for (const waiter of waiters.filter((w) => received.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const pass = (go: () => void) => {
    if (!gate) return go();
    gate.held.push(go);
    if (gate.held.length >= gate.count) {
      const { held } = gate;
      gate = undefined;
      for (const release of held) release();
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      open += 1;
      peak = Math.max(peak, open);
      callback();
    },
    onClose() {
      open -= 1;
    },
    onRcptTo(address, _session, callback) {
      const code = refused.get(address.address);
      if (code === undefined) return callback();
      const error = Object.assign(new Error(`mailbox ${address.address} refused`), {
        responseCode: code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      simpleParser(stream).then(
        (parsed) =>
          pass(() => {
            received.push({ to, parsed });
            callback();
            notify();
          }),
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    peakConnections: () => peak,
    refuseRecipient: (address, code) => refused.set(address, code),
    holdUntil(count) {
      gate = { count, held: [] };
    },
    waitFor: (count) =>
      new Promise((resolve) => {
        waiters.push({ count, resolve });
        notify();
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
