// AuditLog contract: append-only entries, read newest first per subject.
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../../core/ports/audit.ts";
import { uniqueRef } from "../../helpers/builders.ts";
import { minutesAfter } from "./fixtures.ts";
import type { StoreOf } from "./harness.ts";

const START = "2026-03-01T10:00:00.000Z";

export function auditContract(store: StoreOf): void {
  describe("audit", () => {
    it("Should return a subject's entries newest first, up to the limit", async () => {
      const subject = `borrower:${uniqueRef("b")}`;
      const entry = (action: string, minutes: number): AuditEntry => ({
        actor: "agent:U1",
        action,
        subject,
        payload: { minutes },
        at: minutesAfter(START, minutes),
      });
      for (const [action, minutes] of [
        ["a", 0],
        ["c", 2],
        ["b", 1],
      ] as const) {
        await store().audit.append(entry(action, minutes));
      }
      await store().audit.append({ ...entry("elsewhere", 5), subject: "loan:other" });

      expect(await store().audit.forSubject(subject, 10)).toEqual([
        entry("c", 2),
        entry("b", 1),
        entry("a", 0),
      ]);
      expect((await store().audit.forSubject(subject, 2)).map((e) => e.action)).toEqual(["c", "b"]);
    });

    it("Should put the later of two same-instant entries first and keep payloads as JSON", async () => {
      const subject = `loan:${uniqueRef("l")}`;
      const base = { actor: "import", subject, at: START };
      await store().audit.append({ ...base, action: "loan.created", payload: { amount: 120000n } });
      await store().audit.append({
        ...base,
        action: "loan.updated",
        payload: { fields: ["terms"], note: undefined, nested: { ok: true } },
      });

      expect(await store().audit.forSubject(subject, 10)).toEqual([
        { ...base, action: "loan.updated", payload: { fields: ["terms"], nested: { ok: true } } },
        { ...base, action: "loan.created", payload: { amount: "120000" } },
      ]);
    });
  });
}
