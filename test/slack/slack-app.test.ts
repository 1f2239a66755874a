// The agents' Slack app end to end on the in-memory store.
import { slackAppSuite } from "./slack-app-suite.ts";
import { memoryStore } from "./slack-helpers.ts";

slackAppSuite("memory", memoryStore);
