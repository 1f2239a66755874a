// Bolt's HTTP receiver behind a gate: only fresh, signed requests whose body is a JSON object reach Bolt.
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import {
  HTTPModuleFunctions,
  HTTPReceiver,
  isRawBodyError,
  LogLevel,
  type ReceiverProcessEventErrorHandlerArgs,
  verifySlackRequest,
} from "@slack/bolt";
import { boltLogger } from "./bolt-logger.ts";
import { eventIdOf, SeenEvents } from "./event-retries.ts";

const EVENTS_PATH = "/slack/events";
const FORM = "application/x-www-form-urlencoded";
/** Slack's replay window, both ways: a request stamped further in the past or the future is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  readonly signingSecret: string;
  readonly processBeforeResponse: boolean;
  readonly log: (line: string) => void;
  /** The wall clock the timestamp is checked against (Slack signs with real time). */
  readonly nowMs?: () => number;
}

/** What the screen found: a refusal, or a request for Bolt (with its event id, if an event). */
type Screened = { readonly refusal: Refusal } | { readonly eventId: string | undefined };

/** Why a request was refused, and the status it gets; undefined when Bolt may have it. */
interface Refusal {
  readonly status: 400 | 401 | 413;
  readonly reason: string;
}

/**
 * An HTTPReceiver for POST /slack/events whose requests are checked before Bolt sees them.
 * Bolt 5 handles each request in a promise nobody awaits, so a body such as `null` (or any
 * other throw there) becomes an unhandled rejection that ends the process; here such a
 * request gets 400 and a log line, and the server goes on.
 */
export function guardedReceiver(options: RequestGuardOptions): HTTPReceiver {
  const receiver = new HTTPReceiver({
    signingSecret: options.signingSecret,
    endpoints: EVENTS_PATH,
    logger: boltLogger(options.log),
    logLevel: LogLevel.ERROR,
    processBeforeResponse: options.processBeforeResponse,
    processEventErrorHandler: safeErrorHandler(options.log),
  });
  const bolt = receiver.requestListener;
  const seen = new SeenEvents(options.nowMs);
  const guarded: RequestListener = (req, res) => {
    if (req.method !== "POST" || pathOf(req) !== EVENTS_PATH) {
      bolt(req, res); // Bolt answers 404 to anything else
      return;
    }
    screen(req, options)
      .then((screened) => {
        if ("refusal" in screened) return refuse(res, screened.refusal, options.log);
        const { eventId } = screened;
        if (eventId !== undefined && !seen.admit(eventId)) {
          return answerRepeat(res, eventId, req.headers["x-slack-retry-num"], options.log);
        }
        if (eventId !== undefined) {
          // Kept once answered 2xx; a failed or cut-off handling is forgotten, for Slack's retry.
          res.once("close", () =>
            seen.settle(eventId, res.writableFinished && res.statusCode < 300),
          );
        }
        bolt(req, res);
      })
      .catch((error: unknown) => {
        options.log(`slack: request failed before Bolt: ${describe(error)}`);
        if (!res.headersSent) refuse(res, { status: 400, reason: "unreadable" }, () => {});
      });
  };
  receiver.requestListener = guarded;
  return receiver;
}

async function screen(req: IncomingMessage, options: RequestGuardOptions): Promise<Screened> {
  const found = await refusalOf(req, options);
  if (found !== undefined && "status" in found) return { refusal: found };
  return { eventId: found && eventIdOf(found.body) };
}

/** A refusal, or the parsed body (undefined: Slack's unsigned SSL probe, for Bolt to answer). */
async function refusalOf(
  req: IncomingMessage,
  options: RequestGuardOptions,
): Promise<Refusal | { readonly body: object } | undefined> {
  try {
    // Bolt reuses a body already buffered on the request, so it is read once.
    await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
  } catch (error) {
    if (isRawBodyError(error) && (error as { statusCode: number }).statusCode === 413) {
      return { status: 413, reason: "body too large" };
    }
    return { status: 400, reason: `body unreadable: ${describe(error)}` };
  }
  const buffered = req as IncomingMessage & { rawBody: Buffer };
  const text = buffered.rawBody.toString();
  if (isSslCheck(req, text)) return undefined; // Slack's unsigned probe; Bolt strips anything else
  const signature = req.headers["x-slack-signature"];
  const stamp = req.headers["x-slack-request-timestamp"];
  if (typeof signature !== "string" || typeof stamp !== "string" || !/^\d{1,12}$/.test(stamp)) {
    return { status: 401, reason: "missing or malformed signature headers" };
  }
  const nowSec = Math.floor((options.nowMs?.() ?? Date.now()) / 1000);
  const skew = Number(stamp) - nowSec;
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SECONDS) {
    return {
      status: 401,
      reason: `timestamp ${skew > 0 ? "in the future" : "stale"} by ${Math.abs(skew)} s`,
    };
  }
  try {
    verifySlackRequest({
      signingSecret: options.signingSecret,
      body: text,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": Number(stamp) },
      nowMilliseconds: nowSec * 1000,
    });
  } catch {
    return { status: 401, reason: "signature mismatch" };
  }
  let body: unknown;
  try {
    body = HTTPModuleFunctions.parseHTTPRequestBody(buffered);
  } catch {
    return { status: 400, reason: "body is not valid JSON" };
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    return { status: 400, reason: `body is ${kindOf(body)}, not a JSON object` };
  }
  return { body };
}

/** Slack sent an event again that this process has in hand or handled: 200, and nothing done twice. */
function answerRepeat(
  res: ServerResponse,
  eventId: string,
  retry: string | string[] | undefined,
  log: (line: string) => void,
): void {
  log(`slack: event ${eventId} came again (retry ${retry ?? "none"}): already handled, not again`);
  res.writeHead(200);
  res.end();
}

function isSslCheck(req: IncomingMessage, text: string): boolean {
  return req.headers["content-type"] === FORM && new URLSearchParams(text).get("ssl_check") === "1";
}

function refuse(res: ServerResponse, refusal: Refusal, log: (line: string) => void): void {
  log(`slack: refused a request (${refusal.status}): ${refusal.reason}`);
  res.writeHead(refusal.status);
  res.end();
}

/** Bolt's own handler, except that it can never throw out of Bolt's unawaited promise. */
function safeErrorHandler(log: (line: string) => void) {
  return async (args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> => {
    try {
      return await HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
    } catch (error) {
      log(`slack: answering a failed event failed: ${describe(error)}`);
      return false;
    }
  };
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "").split("?")[0] ?? "";
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return `a ${typeof value}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
