// Socket Mode for local use: chosen by SLACK_APP_TOKEN, refused when the token is not app-level.
import { describe, expect, it } from "vitest";
import { createSlackApp, loadSlackConfig } from "../../bots/slack/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";

const base = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret" };

describe("Slack Socket Mode", () => {
  it("is on when SLACK_APP_TOKEN holds an app-level token, off otherwise", () => {
    expect(loadSlackConfig({ ...base, SLACK_APP_TOKEN: "xapp-1-A1-abc" })?.appToken).toBe(
      "xapp-1-A1-abc",
    );
    expect(loadSlackConfig(base)?.appToken).toBeUndefined();
    expect(() => loadSlackConfig({ ...base, SLACK_APP_TOKEN: "xoxb-wrong" })).toThrow(
      /SLACK_APP_TOKEN/,
    );
  });

  it("builds the app on a Socket Mode receiver without opening an HTTP port", () => {
    const slack = createSlackApp({
      store: createMemoryStore(),
      botToken: "xoxb-test",
      signingSecret: "secret",
      appToken: "xapp-1-A1-abc",
      agents: ["U1"],
      collectionsChannel: "C1",
      sendToBorrower: async () => "telegram",
    });
    const receiver = (slack.app as unknown as { receiver: { constructor: { name: string } } })
      .receiver;
    expect(receiver.constructor.name).toBe("SocketModeReceiver");
  });
});
