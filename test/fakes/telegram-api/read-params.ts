// Method parameters from an incoming request: query string plus a JSON, urlencoded or multipart body.
import type { IncomingMessage } from "node:http";
import { badRequest } from "./api-error.ts";
import { parseMultipart } from "./multipart.ts";

export type Params = Record<string, unknown>;

export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const body = await readBody(req);
  if (body.length === 0) return params;
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("application/json")) return { ...params, ...parseJson(body) };
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  }
  if (contentType.startsWith("multipart/form-data")) {
    return { ...params, ...parseMultipart(body, contentType) };
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): Params {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      return parsed as Params;
    }
  } catch {
    // fall through: Telegram answers malformed JSON with a plain 400
  }
  throw badRequest("Bad Request: can't parse JSON");
}

/** Form bodies carry numbers and objects as strings; read them back the way Telegram does. */
export function numberParam(params: Params, name: string): number | undefined {
  const value = params[name];
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^-?\d+$/.test(value)) return Number(value);
  return undefined;
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

export function objectParam(params: Params, name: string): unknown {
  const value = params[name];
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`Bad Request: can't parse ${name} JSON object`);
  }
}

export function booleanParam(params: Params, name: string): boolean {
  const value = params[name];
  return value === true || value === "true" || value === "1";
}
