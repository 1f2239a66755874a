// The agents' Slack app on Bolt in HTTP mode: signed requests only, allow-listed agents only, every action audited.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, LogLevel } from "@slack/bolt";
import { agentGuard } from "./agent-guard.ts";
import { agentNames } from "./agent-name.ts";
import { type DigestOptions, registerAppHome } from "./app-home.ts";
import { boltLogger } from "./bolt-logger.ts";
import { registerContactActions } from "./contact-actions.ts";
import { registerFindCommand } from "./find-command.ts";
import { type HandoffRelay, handoffRelay } from "./handoff-relay.ts";
import { registerLinkCodeAction } from "./link-code-action.ts";
import { registerPlanAction } from "./plan-action.ts";
import { guardedReceiver } from "./request-guard.ts";
import { slackContext } from "./slack-context.ts";
import type { SlackAppDeps } from "./slack-deps.ts";
import { registerWaiveAction } from "./waive-action.ts";

export interface SlackApp extends HandoffRelay {
  readonly app: App;
  /** Listens on `port` (0: any free port) at POST /slack/events; resolves with the bound port. */
  start(port: number): Promise<{ port: number }>;
  stop(): Promise<void>;
  /** Posts the agents' queue to the collections channel; `startDigestSchedule` runs it once a day. */
  postDigest(options?: DigestOptions): Promise<void>;
}

/**
 * @example
 * const slack = createSlackApp({ store, signingSecret, botToken, agents: ["U123"],
 *   collectionsChannel: "C0COLLECT", sendToBorrower });
 * await slack.start(3001);
 */
export function createSlackApp(deps: SlackAppDeps): SlackApp {
  const ctx = slackContext(deps);
  const app = new App({
    token: deps.botToken,
    // Socket Mode for local use (no public URL): Slack pushes events over a WebSocket.
    // HTTP mode: Handlers finish before Slack gets its answer, so ack() bodies (e.g. the card)
    // travel in the HTTP response; malformed or unsigned requests never reach Bolt.
    ...(deps.appToken
      ? { socketMode: true, appToken: deps.appToken, signingSecret: deps.signingSecret }
      : {
          receiver: guardedReceiver({
            signingSecret: deps.signingSecret,
            processBeforeResponse: true,
            log: ctx.log,
          }),
        }),
    logger: boltLogger(ctx.log),
    logLevel: LogLevel.ERROR,
    ...(deps.slackApiUrl ? { clientOptions: { slackApiUrl: deps.slackApiUrl } } : {}),
  });
  const names = agentNames();
  app.use(agentGuard(ctx));
  registerFindCommand(app, ctx);
  registerContactActions(app, ctx);
  registerWaiveAction(app, ctx);
  registerLinkCodeAction(app, ctx);
  registerPlanAction(app, ctx, names);
  const relay = handoffRelay(app, ctx, names);
  const home = registerAppHome(app, ctx);
  app.error(async (error) => {
    const cause = (error as { original?: unknown }).original ?? error;
    ctx.log(
      `slack: handler failed (${error.code ?? "unknown"}): ${cause instanceof Error ? (cause.stack ?? cause.message) : String(cause)}`,
    );
  });

  return {
    app,
    ...relay,
    postDigest: home.postDigest,
    async start(port) {
      if (deps.appToken) {
        await app.start();
        return { port: 0 };
      }
      const server = (await app.start(port)) as Server;
      return { port: (server.address() as AddressInfo).port };
    },
    stop: () => app.stop() as Promise<void>,
  };
}
