// Bolt's own log lines go through the product's log, errors only unless Bolt asks for more.
import { LogLevel } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { boltLogger } from "../../bots/slack/bolt-logger.ts";

describe("Bolt's log lines", () => {
  it("Should write Bolt's errors through the product's log, prefixed, and drop the chatter below", () => {
    const lines: string[] = [];
    const logger = boltLogger((line) => lines.push(line));
    logger.error("An incoming event was not acknowledged within 3 seconds.");
    logger.warn("a warning");
    logger.debug("a detail");
    expect(lines).toEqual(["slack: An incoming event was not acknowledged within 3 seconds."]);
    expect(logger.getLevel()).toBe(LogLevel.ERROR);
  });

  it("Should follow the level Bolt sets, and give an error's message", () => {
    const lines: string[] = [];
    const logger = boltLogger((line) => lines.push(line));
    logger.setLevel(LogLevel.INFO);
    logger.info("listening", 3000);
    logger.debug("a detail");
    logger.error(new Error("listener failed"));
    expect(lines).toEqual(["slack: listening 3000", "slack: listener failed"]);
  });
});
