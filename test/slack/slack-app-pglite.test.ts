// The agents' Slack app end to end on the Prisma store over PGlite: the same tests on the real store.
import { slackAppSuite } from "./slack-app-suite.ts";
import { pgliteStore } from "./slack-helpers.ts";

slackAppSuite("PGlite", pgliteStore);
