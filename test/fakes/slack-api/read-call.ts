// Reads a Web API request body (form-urlencoded or JSON) into arguments, parsing JSON-valued fields.
import type { IncomingMessage } from "node:http";

const JSON_FIELDS = new Set(["blocks", "view", "attachments", "metadata"]);

// biome-ignore lint/suspicious/noExplicitAny: Slack arguments are arbitrary JSON
export async function readCall(req: IncomingMessage): Promise<Record<string, any>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body === "") return {};
  if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(body);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const args: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    args[key] = JSON_FIELDS.has(key) ? safeJson(value) : value;
  }
  return args;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
