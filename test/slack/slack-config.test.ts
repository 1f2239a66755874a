// REPAY_SLACK_MAX_WAIVER at start: per-currency caps are read, a malformed one stops the start with its entry named.
import { describe, expect, it } from "vitest";
import { loadSlackConfig } from "../../bots/slack/slack-config.ts";

const base = { SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: "secret" };

describe("Slack settings: the waiver cap", () => {
  it("Should accept caps per currency, and none at all", () => {
    expect(
      loadSlackConfig({ ...base, REPAY_SLACK_MAX_WAIVER: "USD:50.00,JPY:5000" })?.maxWaiver,
    ).toBe("USD:50.00,JPY:5000");
    expect(loadSlackConfig(base)?.maxWaiver).toBe("");
  });

  it("Should refuse a JPY cap with decimals, naming the entry and the format", () => {
    expect(() =>
      loadSlackConfig({ ...base, REPAY_SLACK_MAX_WAIVER: "USD:50.00,JPY:50.00" }),
    ).toThrow(
      'REPAY_SLACK_MAX_WAIVER: "JPY:50.00": must be a positive amount with at most 0 decimals (write it like USD:50.00,JPY:5000)',
    );
  });
});
