// The optional invitation to a lesson: one line before the opt-out, at most once every 14 days.
import { describe, expect, it } from "vitest";
import { learnInviteDue, recordLearnInvite } from "../../../core/learn/index.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { renderNudge } from "../../../core/nudges/index.ts";
import { nudgeTemplates } from "../../../prompts/index.ts";
import { facts } from "../nudges/builders.ts";

const INVITE = "Want to understand your loan better? Send /learn for a short lesson.";
const templates = { ...nudgeTemplates, en: { ...nudgeTemplates.en, learnInvite: INVITE } };

describe("the invitation line in a nudge", () => {
  it("Should add the configured line before the opt-out, keeping every other line", () => {
    const plain = renderNudge(facts(), templates).text.split("\n");
    const invited = renderNudge(facts({ learnInvite: true }), templates);
    const lines = invited.text.split("\n");
    expect(invited.invited).toBe(true);
    expect(lines).toEqual([...plain.slice(0, -1), INVITE, plain.at(-1)]);
    expect(lines.at(-1)).toBe("Reply STOP to stop these reminders.");
  });

  it("Should add nothing when the lender configured no invitation (the default)", () => {
    const rendered = renderNudge(facts({ learnInvite: true }), nudgeTemplates);
    expect(rendered.invited).toBeUndefined();
    expect(rendered.text).toBe(renderNudge(facts(), nudgeTemplates).text);
  });

  it("Should be due again only 14 days after the last invitation", async () => {
    const store = createMemoryStore();
    expect(await learnInviteDue(store.audit, "b1", "2026-04-01T10:00:00Z")).toBe(true);
    await recordLearnInvite(store.audit, "b1", "2026-04-01T10:00:00Z");
    expect(await learnInviteDue(store.audit, "b1", "2026-04-14T23:00:00Z")).toBe(false);
    expect(await learnInviteDue(store.audit, "b1", "2026-04-15T09:00:00Z")).toBe(true);
    expect(await learnInviteDue(store.audit, "b2", "2026-04-02T09:00:00Z")).toBe(true);
  });
});
