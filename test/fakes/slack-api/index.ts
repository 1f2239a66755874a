// Public API of the fake Slack Web API used by Slack app tests.
export { startFakeSlack } from "./start-fake-slack.ts";
export type { FakeSlack, SlackCall } from "./types.ts";
