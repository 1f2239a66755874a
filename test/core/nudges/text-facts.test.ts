// Every figure in a nudge comes from its facts: what the LLM guard will hold a rewording to.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatAmount } from "../../../core/format/index.ts";
import { nudgeTextFacts, renderNudge } from "../../../core/nudges/index.ts";
import { nudgeTemplates } from "../../../prompts/index.ts";
import { facts, factsArb, OPT_OUT, PLAN_STEP } from "./builders.ts";

/** The text with every fact string taken out, longest first so no fact is cut in two. */
function withoutFacts(text: string, texts: ReadonlySet<string>): string {
  return [...texts]
    .sort((a, b) => b.length - a.length)
    .reduce((rest, fact) => rest.split(fact).join("|"), text);
}

describe("nudgeTextFacts", () => {
  it("Should list the formatted amounts, dates, counts, references and links", () => {
    const texts = nudgeTextFacts(
      facts({ loans: [{ ...facts().loans[0]!, payLink: "https://pay.example/7" }] }),
    );
    expect([...texts]).toEqual(
      expect.arrayContaining([
        "$130.00",
        "$10.00",
        "Friday, March 6",
        "Saturday, March 7",
        "3",
        "1",
        "L-1042",
        "https://pay.example/7",
      ]),
    );
  });

  it("Should hold every number in any nudge: amounts, dates, currencies, 1–3 loans, both locales, every kind", () => {
    fc.assert(
      fc.property(factsArb, (input) => {
        const { text } = renderNudge(input, nudgeTemplates);
        const texts = nudgeTextFacts(input);
        expect(withoutFacts(text, texts)).not.toMatch(/\d/);
        expect(text).toContain(input.lenderName);
        for (const loan of input.loans) {
          expect(texts.has(formatAmount(loan.amountDue, input.locale))).toBe(true);
          expect(text).toContain(formatAmount(loan.amountDue, input.locale));
          if (loan.payLink) expect(text).toContain(loan.payLink);
        }
        expect(text).toMatch(PLAN_STEP[input.locale]);
        expect(text.endsWith(OPT_OUT[input.locale])).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
