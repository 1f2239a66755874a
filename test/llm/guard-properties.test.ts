// Properties of the guard over generated nudges: the template passes itself; a new figure never does.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { guardRewrite, nudgeRequirements } from "../../core/llm/index.ts";
import { nudgeTextFacts, renderNudge } from "../../core/nudges/index.ts";
import { nudgeTemplates } from "../../prompts/index.ts";
import { factsArb } from "../core/nudges/builders.ts";

function bounds(facts: Parameters<typeof nudgeTextFacts>[0]) {
  const original = renderNudge(facts, nudgeTemplates).text;
  return {
    original,
    allowed: nudgeTextFacts(facts),
    required: nudgeRequirements(original, facts),
  };
}

describe("guardRewrite over generated nudges", () => {
  it("Should accept every rendered nudge as its own rewording", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const b = bounds(facts);
        expect(guardRewrite(b.original, b).source).toBe("model");
      }),
      { numRuns: 300 },
    );
  });

  it("Should refuse any rewording that adds an amount not in the facts", () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 999_999 }), (facts, cents) => {
        const b = bounds(facts);
        const amount = `$${(cents / 100).toFixed(2)}`;
        fc.pre(![...b.allowed].some((fact) => fact.includes(amount)));
        const lines = b.original.split("\n");
        lines.splice(1, 0, `Also pay ${amount}.`);
        expect(guardRewrite(lines.join("\n"), b).source).toBe("template");
      }),
      { numRuns: 300 },
    );
  });
});
