// Malformed and replayed requests to /slack/events: each gets an answer and a log line, and the app goes on.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackApp } from "../../bots/slack/index.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { type FakeSlack, startFakeSlack } from "../fakes/slack-api/index.ts";
import { AGENT, signedPost, slashCommand, startSlackApp } from "./slack-helpers.ts";

const JSON_TYPE = "application/json";
const FORM = "application/x-www-form-urlencoded";
const nowSec = () => Math.floor(Date.now() / 1000);

describe("Slack app: requests that must not end the process", () => {
  let fake: FakeSlack;
  let slack: SlackApp;
  let url: string;
  const log: string[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    ({ slack, url } = await startSlackApp(createMemoryStore(), fake, {
      now: () => new Date(),
      log,
    }));
  });

  afterAll(async () => {
    await slack?.stop();
    await fake?.close();
  });

  async function stillAnswers(): Promise<void> {
    const res = await slashCommand(url, AGENT, "help");
    expect(res.status).toBe(200);
  }

  const signedBadBodies: Array<[string, string, string]> = [
    ["a JSON null", "null", JSON_TYPE],
    ["a JSON array", "[]", JSON_TYPE],
    ["a JSON array of nulls", "[null,null]", JSON_TYPE],
    ["a JSON string", '"x"', JSON_TYPE],
    ["a JSON number", "42", JSON_TYPE],
    ["a JSON true", "true", JSON_TYPE],
    ["text that is not JSON", "x", JSON_TYPE],
    ["an empty body", "", JSON_TYPE],
    ["a JSON null sent as plain text", "null", "text/plain"],
    ["a JSON null with no content type", "null", ""],
    ["a form whose payload is not JSON", "payload=%7Bnot-json", FORM],
    ["a form whose payload is null", "payload=null", FORM],
    ["a form whose payload is an array", "payload=%5B1%2C2%5D", FORM],
    ["a form whose payload is a string", "payload=%22x%22", FORM],
    ["a form with an empty payload", "payload=", FORM],
  ];

  for (const [what, body, contentType] of signedBadBodies) {
    it(`Should answer 400 to a correctly signed request whose body is ${what}, log it and go on`, async () => {
      const before = log.length;
      const res = await signedPost(url, body, contentType);
      expect(res.status).toBe(400);
      expect(log.slice(before).join("\n")).toMatch(/slack: refused a request \(400\)/);
      await stillAnswers();
    });
  }

  const signedOddObjects: Array<[string, string, string]> = [
    ["an empty object", "{}", JSON_TYPE],
    ["nested garbage", '{"type":{"a":[null,{"b":1}]},"event":[1,2],"team_id":null}', JSON_TYPE],
    ["an event callback with a null event", '{"type":"event_callback","event":null}', JSON_TYPE],
    ["an event callback with an array event", '{"type":"event_callback","event":[]}', JSON_TYPE],
    ["an interaction with no user", '{"type":"block_actions","actions":null}', JSON_TYPE],
    ["a form payload of an empty object", "payload=%7B%7D", FORM],
    [
      "a view submission with a null view",
      `payload=${encodeURIComponent('{"type":"view_submission","view":null,"user":null}')}`,
      FORM,
    ],
    ["a slash command with no fields", "command=&text=", FORM],
  ];

  for (const [what, body, contentType] of signedOddObjects) {
    it(`Should answer a correctly signed request whose body is ${what} without stopping`, async () => {
      const res = await signedPost(url, body, contentType);
      // Bolt's own answers: 200 handled, 404 no listener acknowledged it, 500 a listener threw.
      expect([200, 404, 500]).toContain(res.status);
      await res.arrayBuffer();
      await stillAnswers();
    });
  }

  it("Should answer 401 to a correctly signed request timestamped more than 5 minutes ahead", async () => {
    const before = log.length;
    const res = await slashCommand(url, AGENT, "help", { timestamp: nowSec() + 6 * 60 });
    expect(res.status).toBe(401);
    expect(log.slice(before).join("\n")).toMatch(/timestamp in the future/);
    await stillAnswers();
  });

  it("Should still accept a correctly signed request a little ahead of our clock", async () => {
    const res = await slashCommand(url, AGENT, "help", { timestamp: nowSec() + 60 });
    expect(res.status).toBe(200);
  });

  it("Should answer 401 to unsigned garbage and to a malformed timestamp", async () => {
    const unsigned = await fetch(url, { method: "POST", body: "null" });
    expect(unsigned.status).toBe(401);
    const res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": JSON_TYPE,
        "x-slack-request-timestamp": "soon",
        "x-slack-signature": "v0=00",
      },
      body: "null",
    });
    expect(res.status).toBe(401);
    await stillAnswers();
  });

  it("Should answer a signed null to another path with 404 and go on", async () => {
    const res = await signedPost(url.replace("/slack/events", "/elsewhere"), "null", JSON_TYPE);
    expect(res.status).toBe(404);
    await stillAnswers();
  });
});
