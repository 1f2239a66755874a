// The agents' queue lowest score first within a category, each entry with its score's reasons.
import { describe, expect, it } from "vitest";
import { importLoans } from "../../bots/import/import-loans.ts";
import { withScores } from "../../bots/slack/queue-scores.ts";
import { slackContext } from "../../bots/slack/slack-context.ts";
import { createMemoryStore } from "../../core/memory/index.ts";
import { anaLoan } from "../helpers/api.ts";
import { loanRow } from "./slack-helpers.ts";

const NOW = new Date("2026-04-01T14:00:00Z");

describe("withScores", () => {
  it("Should put the lower score first within a category and keep categories in order", async () => {
    const store = createMemoryStore();
    await importLoans(store, [
      {
        line: 2,
        fields: loanRow("B-010", "On Time", "+12125550110", {
          disbursedOn: "2026-03-01",
          firstDueDate: "2026-04-15",
        }),
      },
      { line: 3, fields: anaLoan },
    ]);
    const ctx = slackContext({
      store,
      agents: [],
      collectionsChannel: "C1",
      sendToBorrower: async () => "telegram",
      now: () => NOW,
    } as unknown as Parameters<typeof slackContext>[0]);
    const onTime = (await store.borrowers.byRef("B-010"))!;
    const ana = (await store.borrowers.byRef("B-001"))!;
    const items = await withScores(ctx, [
      { kind: "handoff" as const, borrower: onTime, detail: "a" },
      { kind: "handoff" as const, borrower: ana, detail: "b" },
    ]);
    expect(items.map((i) => [i.borrower.externalRef, i.score.score])).toEqual([
      ["B-001", 21],
      ["B-010", 100],
    ]);
    expect(items[1]?.score.reasons[0]).toBe("no installment has fallen due yet");
  });
});
