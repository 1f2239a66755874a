// getMe, setMyCommands/getMyCommands and answerCallbackQuery: the bot's own settings and button acks.
import { badRequest, descriptions } from "./api-error.ts";
import type { MethodHandler } from "./fake-state.ts";
import { objectParam, type Params, stringParam } from "./read-params.ts";

export const getMe: MethodHandler = (_params, state) => state.bot;

export const setMyCommands: MethodHandler = (params, state) => {
  const commands = objectParam(params, "commands");
  if (!Array.isArray(commands)) throw badRequest('Bad Request: parameter "commands" is required');
  state.commands.set(commandsKey(params), commands);
  return true;
};

export const getMyCommands: MethodHandler = (params, state) =>
  state.commands.get(commandsKey(params)) ?? [];

/** Only queries the bot actually received can be answered, and only once. */
export const answerCallbackQuery: MethodHandler = (params, state) => {
  const id = stringParam(params, "callback_query_id");
  if (id === undefined || !state.openCallbackQueries.delete(id)) {
    throw badRequest(descriptions.queryTooOld);
  }
  return true;
};

function commandsKey(params: Params): string {
  const scope = objectParam(params, "scope") ?? { type: "default" };
  return `${JSON.stringify(scope)}|${stringParam(params, "language_code") ?? ""}`;
}
