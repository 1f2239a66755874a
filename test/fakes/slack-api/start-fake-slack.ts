// A local fake of the Slack Web API over node:http: answers the methods the app uses and records every call.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readCall } from "./read-call.ts";
import type { FakeSlack, SlackCall } from "./types.ts";

const TOKEN = "xoxb-fake-token";
const BOT_USER = "UBOT0001";

/**
 * Starts the fake on 127.0.0.1 at a free port.
 *
 * @example
 * const slack = await startFakeSlack();
 * new App({ token: slack.token, clientOptions: { slackApiUrl: slack.apiUrl }, ... });
 */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const limits = new Map<string, { times: number; retryAfter: number }>();
  const users = new Map<string, string>();
  const waiters = new Set<() => void>();
  let ts = 1_700_000_000;

  const answer = (method: string, args: SlackCall["args"]): Record<string, unknown> => {
    switch (method) {
      case "auth.test":
        return { ok: true, user_id: BOT_USER, bot_id: "BFAKE", team_id: "TFAKE", user: "repay" };
      case "chat.postMessage":
      case "chat.update":
        ts += 1;
        return {
          ok: true,
          channel: args.channel,
          ts: method === "chat.update" ? args.ts : `${ts}.000100`,
          message: { text: args.text, blocks: args.blocks },
        };
      case "chat.postEphemeral":
        return { ok: true, message_ts: `${++ts}.000200` };
      case "views.open":
      case "views.publish":
      case "views.update":
        return { ok: true, view: { id: `V${++ts}`, ...args.view } };
      case "users.info": {
        const name = users.get(String(args.user));
        return name
          ? { ok: true, user: { id: args.user, real_name: name, profile: { real_name: name } } }
          : { ok: false, error: "user_not_found" };
      }
      case "conversations.replies":
        return { ok: true, messages: [] };
      default:
        return { ok: false, error: "unknown_method" };
    }
  };

  const server = createServer(async (req, res) => {
    const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
    const args = await readCall(req);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
    const limit = limits.get(method);
    const limited = limit !== undefined && limit.times > 0;
    if (limited) limit.times -= 1;
    const result = limited
      ? undefined
      : token === TOKEN
        ? answer(method, args)
        : { ok: false, error: "invalid_auth" };
    calls.push({
      method,
      args,
      ...(token ? { token } : {}),
      status: limited ? 429 : 200,
      ...(result ? { result } : {}),
    });
    for (const wake of waiters) wake();
    if (!result) {
      res.writeHead(429, {
        "content-type": "application/json",
        "retry-after": String(limit?.retryAfter ?? 1),
      });
      res.end(JSON.stringify({ ok: false, error: "ratelimited" }));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(result));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const find = (match: (call: SlackCall) => boolean) =>
    calls.find((call) => call.status === 200 && match(call));

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    token: TOKEN,
    botUserId: BOT_USER,
    calls: (method) => calls.filter((call) => method === undefined || call.method === method),
    rateLimit: (method, times, retryAfter) => void limits.set(method, { times, retryAfter }),
    addUser: (id, realName) => void users.set(id, realName),
    waitFor: (match, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const found = find(match);
        if (found) return resolve(found);
        const check = () => {
          const hit = find(match);
          if (!hit) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(hit);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Slack: no matching call within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
