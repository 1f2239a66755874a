// The templates as data: same keys and variables in every locale, every one renders, no figures of their own.
import { describe, expect, it } from "vitest";
import { TEMPLATE_KEYS, TEMPLATE_VARIABLES } from "../../../core/assistant/index.ts";
import { placeholdersOf, renderTemplate } from "../../../core/format/index.ts";
import { assistantTemplates } from "../../../prompts/index.ts";

const LOCALES = Object.keys(assistantTemplates) as (keyof typeof assistantTemplates)[];

describe("assistant templates", () => {
  it("covers both locales", () => {
    expect(LOCALES.sort()).toEqual(["en", "zh-CN"]);
  });

  it.each(LOCALES)("%s has exactly the template keys", (locale) => {
    expect(Object.keys(assistantTemplates[locale]).sort()).toEqual([...TEMPLATE_KEYS].sort());
  });

  it.each(LOCALES)("%s uses exactly each template's declared variables", (locale) => {
    const mismatched = TEMPLATE_KEYS.filter(
      (key) =>
        placeholdersOf(assistantTemplates[locale][key]).sort().join() !==
        [...TEMPLATE_VARIABLES[key]].sort().join(),
    );
    expect(mismatched).toEqual([]);
  });

  it.each(LOCALES)("%s renders every template with every variable filled in", (locale) => {
    for (const key of TEMPLATE_KEYS) {
      const variables = Object.fromEntries(
        TEMPLATE_VARIABLES[key].map((name) => [name, `<${name}>`]),
      );
      const text = renderTemplate(assistantTemplates[locale][key], variables);
      expect(text, key).not.toMatch(/[{}]/);
      for (const name of TEMPLATE_VARIABLES[key]) expect(text, key).toContain(`<${name}>`);
      expect(text.trim().length, key).toBeGreaterThan(0);
    }
  });

  it.each(LOCALES)(
    "%s states no figure of its own: every number comes from loan state",
    (locale) => {
      const withDigits = TEMPLATE_KEYS.filter((key) => /\d/.test(assistantTemplates[locale][key]));
      expect(withDigits).toEqual([]);
    },
  );

  it.each(LOCALES)("%s keeps button labels short", (locale) => {
    const long = TEMPLATE_KEYS.filter(
      (key) => key.startsWith("label") && assistantTemplates[locale][key].length > 30,
    );
    expect(long).toEqual([]);
  });

  it.each(LOCALES)("%s never threatens or shames", (locale) => {
    const harsh =
      /legal action|court|lawsuit|police|arrest|final (warning|notice)|shame|failure to pay|or else|起诉|法院|报警|警告|失信|曝光/i;
    const found = TEMPLATE_KEYS.filter((key) => harsh.test(assistantTemplates[locale][key]));
    expect(found).toEqual([]);
  });

  it("tells every opted-out borrower how to come back, and every borrower how to stop", () => {
    for (const locale of LOCALES) {
      expect(assistantTemplates[locale].optOut).toContain("START");
      expect(assistantTemplates[locale].optIn).toContain("STOP");
      expect(assistantTemplates[locale].help).toContain("STOP");
    }
  });
});

describe("renderTemplate", () => {
  it("fills placeholders and leaves unknown ones as written", () => {
    expect(renderTemplate("Due {date}, {missing}", { date: "Friday" })).toBe(
      "Due Friday, {missing}",
    );
  });

  it("inserts values literally: no re-expansion of braces, no $ patterns", () => {
    expect(renderTemplate("{a} {b}", { a: "{b}", b: "$&$1" })).toBe("{b} $&$1");
  });
});
