// getUpdates and the webhook switch (setWebhook, deleteWebhook, getWebhookInfo).
import { badRequest, descriptions, TelegramApiError } from "./api-error.ts";
import type { MethodHandler } from "./fake-state.ts";
import { booleanParam, numberParam, objectParam, stringParam } from "./read-params.ts";

/** Long polls are held at most this long, whatever timeout the bot asks for, to keep tests fast. */
const MAX_HOLD_MS = 2_000;

export const getUpdates: MethodHandler = async (params, state, signal) => {
  if (state.webhook.url !== undefined) throw new TelegramApiError(409, descriptions.webhookActive);
  const timeoutSeconds = numberParam(params, "timeout") ?? 0;
  const updates = await state.updates.poll({
    offset: numberParam(params, "offset"),
    limit: numberParam(params, "limit"),
    waitMs: Math.min(MAX_HOLD_MS, Math.max(0, timeoutSeconds * 1_000)),
    signal,
  });
  return updates;
};

export const setWebhook: MethodHandler = (params, state) => {
  const url = stringParam(params, "url");
  if (url === undefined) throw badRequest('Bad Request: parameter "url" is required');
  if (booleanParam(params, "drop_pending_updates")) state.updates.clear();
  if (url === "") {
    state.webhook = {};
    return true;
  }
  const secretToken = stringParam(params, "secret_token");
  const maxConnections = numberParam(params, "max_connections");
  const allowedUpdates = objectParam(params, "allowed_updates");
  state.webhook = {
    url,
    ...(secretToken === undefined ? {} : { secretToken }),
    ...(maxConnections === undefined ? {} : { maxConnections }),
    ...(allowedUpdates === undefined ? {} : { allowedUpdates }),
  };
  return true;
};

export const deleteWebhook: MethodHandler = (params, state) => {
  if (booleanParam(params, "drop_pending_updates")) state.updates.clear();
  state.webhook = {};
  return true;
};

export const getWebhookInfo: MethodHandler = (_params, state) => {
  const { url, maxConnections, allowedUpdates } = state.webhook;
  return {
    url: url ?? "",
    has_custom_certificate: false,
    pending_update_count: state.updates.pendingCount,
    ...(url === undefined
      ? {}
      : { max_connections: maxConnections ?? 40, ip_address: "127.0.0.1" }),
    ...(allowedUpdates === undefined ? {} : { allowed_updates: allowedUpdates }),
  };
};
