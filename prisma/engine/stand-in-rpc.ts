// JSON-RPC 2.0 over stdin/stdout, one message a line, as the Prisma CLI talks to its schema engine.
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { engineErrorCode, engineErrorMessage } from "./engine-error.ts";

interface Request {
  readonly id?: number | string;
  readonly method?: string;
  readonly params?: unknown;
}

export class MethodNotFound extends Error {}

/** Has the CLI print `content` on its stdout, as the native engine does for `migrate diff`. */
export type Print = (content: string) => void;

export interface RpcHandlers {
  handle(method: string, params: unknown, print: Print): Promise<unknown>;
  /** A panic poisons the wasm instance: the server answers, then stops. */
  isPanic(error: unknown): boolean;
}

/** Serves requests one at a time until `input` ends or the engine panics. */
export async function serveJsonRpc(
  input: Readable,
  output: Writable,
  handlers: RpcHandlers,
): Promise<{ readonly panicked: boolean }> {
  let nextPrintId = 1_000_000;
  const send = (message: object) =>
    output.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const print: Print = (content) =>
    send({ id: nextPrintId++, method: "print", params: { content } });
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() === "") continue;
    let request: Request;
    try {
      request = JSON.parse(line) as Request;
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      continue;
    }
    if (request.method === undefined) continue; // the CLI acknowledging a print
    try {
      const result = await handlers.handle(request.method, request.params, print);
      send({ id: request.id, result: result ?? null });
    } catch (error) {
      if (error instanceof MethodNotFound) {
        send({
          id: request.id,
          error: { code: -32601, message: `Method not found: ${request.method}` },
        });
        continue;
      }
      const panicked = handlers.isPanic(error);
      send({ id: request.id, error: engineError(error, panicked) });
      if (panicked) return { panicked };
    }
  }
  return { panicked: false };
}

/** The native engine's error shape: the CLI reads `data.error_code` and `data.message`. */
function engineError(error: unknown, panicked: boolean): object {
  const errorCode = engineErrorCode(error);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: {
      is_panic: panicked,
      message: engineErrorMessage(error),
      meta: (error as { meta?: unknown } | null)?.meta ?? null,
      ...(errorCode ? { error_code: errorCode } : {}),
    },
  };
}
