// A local OpenAI-compatible server for tests: POST /v1/chat/completions answers from a script.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** The parts of a chat-completions request the scripts look at. */
export interface ChatRequest {
  readonly model: string;
  readonly messages: ReadonlyArray<{
    role: string;
    content?: string | null;
    tool_call_id?: string;
  }>;
  readonly response_format?: { type: string; json_schema?: { name: string; strict?: boolean } };
  readonly tools?: ReadonlyArray<{ type: string; function: { name: string } }>;
}

/** What the fake does with one request. */
export type FakeAnswer =
  | { readonly content: string }
  | { readonly json: unknown }
  | { readonly toolCalls: ReadonlyArray<{ name: string; arguments: unknown }> }
  | { readonly status: number; readonly message?: string }
  | { readonly stallMs: number };

export type FakeScript = (request: ChatRequest, index: number) => FakeAnswer;

export interface FakeOpenAi {
  /** Pass as the SDK's baseURL. */
  readonly baseURL: string;
  readonly requests: ChatRequest[];
  /** Replaces the script for later requests. */
  script(next: FakeScript): void;
  close(): Promise<void>;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

function completion(request: ChatRequest, message: Record<string, unknown>, finish: string) {
  return {
    id: `chatcmpl-fake-${Date.now()}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

async function body(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Starts the fake on 127.0.0.1 at a free port.
 * @example const fake = await startFakeOpenAi(() => ({ json: { intent: "balance", ... } }));
 */
export async function startFakeOpenAi(initial: FakeScript): Promise<FakeOpenAi> {
  let script = initial;
  const requests: ChatRequest[] = [];
  const server = createServer(async (request, response) => {
    if (request.method !== "POST" || request.url !== "/v1/chat/completions") {
      send(response, 404, { error: { message: "not found", type: "invalid_request_error" } });
      return;
    }
    const parsed = JSON.parse(await body(request)) as ChatRequest;
    requests.push(parsed);
    const answer = script(parsed, requests.length - 1);
    if ("stallMs" in answer) {
      const timer = setTimeout(
        () => send(response, 200, completion(parsed, { content: "late" }, "stop")),
        answer.stallMs,
      );
      response.on("close", () => clearTimeout(timer));
    } else if ("status" in answer) {
      send(response, answer.status, {
        error: { message: answer.message ?? "scripted failure", type: "server_error" },
      });
    } else if ("toolCalls" in answer) {
      const toolCalls = answer.toolCalls.map((call, index) => ({
        id: `call_${requests.length}_${index}`,
        type: "function",
        function: { name: call.name, arguments: JSON.stringify(call.arguments) },
      }));
      send(
        response,
        200,
        completion(parsed, { content: null, tool_calls: toolCalls }, "tool_calls"),
      );
    } else {
      const content = "json" in answer ? JSON.stringify(answer.json) : answer.content;
      send(response, 200, completion(parsed, { content }, "stop"));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(next) {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The last user message of a request: the text a script usually answers about. */
export function userText(request: ChatRequest): string {
  const users = request.messages.filter((message) => message.role === "user");
  return users.at(-1)?.content ?? "";
}
