// The nudge templates as data: complete in both locales, every variable used, nothing harsh said.
import { describe, expect, it } from "vitest";
import { placeholdersOf, renderTemplate } from "../../../core/format/index.ts";
import { NUDGE_KINDS, NUDGE_TONES, nudgeTemplateEntries } from "../../../core/nudges/index.ts";
import type { Locale } from "../../../core/ports/borrowers.ts";
import { nudgeTemplates } from "../../../prompts/index.ts";
import { facts, loan, renderInTone } from "./builders.ts";

const LOCALES: readonly Locale[] = ["en", "zh-CN"];

// Words a careful regulator would not accept in an automated reminder: threats, legal action,
// shaming, pressure. English is matched as whole words, case-insensitively.
const FORBIDDEN_EN = [
  "final warning",
  "warning",
  "final notice",
  "last chance",
  "legal",
  "lawsuit",
  "lawyer",
  "attorney",
  "court",
  "sue",
  "police",
  "arrest",
  "jail",
  "prison",
  "criminal",
  "fraud",
  "credit score",
  "credit score ruined",
  "credit report",
  "ruined",
  "blacklist",
  "debt collector",
  "collection agency",
  "consequences",
  "failure to",
  "immediately",
  "urgent",
  "shame",
];
const FORBIDDEN_ZH = [
  "嫌疑",
  "起诉",
  "法院",
  "征信",
  "警告",
  "法律",
  "律师",
  "诉讼",
  "公安",
  "警察",
  "逮捕",
  "拘留",
  "刑事",
  "诈骗",
  "黑名单",
  "失信",
  "最后通牒",
  "后果",
  "催收",
  "曝光",
  "通讯录",
  "立即",
  "严重",
];

function keyPaths(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value)
    .flatMap(([key, inner]) => keyPaths(inner, prefix ? `${prefix}.${key}` : key))
    .sort();
}

function forbiddenIn(text: string): string[] {
  const english = FORBIDDEN_EN.filter((word) => new RegExp(`\\b${word}\\b`, "i").test(text));
  return [...english, ...FORBIDDEN_ZH.filter((word) => text.includes(word))];
}

describe("nudge templates", () => {
  it("Should have identical key sets in every locale", () => {
    expect(keyPaths(nudgeTemplates["zh-CN"])).toEqual(keyPaths(nudgeTemplates.en));
    expect(nudgeTemplateEntries(nudgeTemplates.en).every((entry) => entry.text)).toBe(true);
    expect(nudgeTemplateEntries(nudgeTemplates["zh-CN"]).every((entry) => entry.text)).toBe(true);
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      for (const entry of nudgeTemplateEntries(nudgeTemplates[locale])) {
        it(`Should render ${entry.key} with exactly the variables it declares`, () => {
          const text = entry.text ?? "";
          expect(placeholdersOf(text).sort()).toEqual([...entry.variables].sort());
          const values = Object.fromEntries(entry.variables.map((name) => [name, `<${name}>`]));
          expect(renderTemplate(text, values)).not.toMatch(/[{}]/);
        });
      }

      it("Should hold no digits of its own: every figure comes from the facts", () => {
        const withDigits = nudgeTemplateEntries(nudgeTemplates[locale]).filter((entry) =>
          /\d/.test(entry.text ?? ""),
        );
        expect(withDigits.map((entry) => entry.key)).toEqual([]);
      });

      it("Should use no threatening, shaming or legal words", () => {
        const found = nudgeTemplateEntries(nudgeTemplates[locale]).flatMap((entry) =>
          forbiddenIn(entry.text ?? "").map((word) => `${entry.key}: ${word}`),
        );
        expect(found).toEqual([]);
      });
    });
  }

  it("Should catch forbidden words in any case", () => {
    expect(forbiddenIn("This is your FINAL WARNING")).toContain("final warning");
    expect(forbiddenIn("We will go to Court")).toContain("court");
    expect(forbiddenIn("您的征信将受影响")).toContain("征信");
    expect(forbiddenIn("Please pursue the issue")).toEqual([]);
  });

  it("Should render every kind and tone, about one loan and about several, in every locale", () => {
    const rendered = new Set<string>();
    for (const locale of LOCALES) {
      for (const kind of NUDGE_KINDS) {
        for (const tone of NUDGE_TONES) {
          for (const loans of [[loan()], [loan(), loan({ loanRef: "L-2001", daysPastDue: 0 })]]) {
            const text = renderInTone(facts({ locale, kind, loans }), tone).text;
            expect(text).not.toMatch(/[{}]/);
            rendered.add(text);
          }
        }
      }
    }
    expect(rendered.size).toBe(LOCALES.length * NUDGE_KINDS.length * NUDGE_TONES.length * 2);
  });
});
