// Every template of a locale as a flat list with the variables it must use, for checks and review.
import type { NudgeKind, NudgeTone } from "./nudge-message.ts";
import {
  type NudgeLocaleTemplates,
  type NudgePartKey,
  ONE_LOAN_VARIABLES,
  PART_VARIABLES,
  SEVERAL_LOANS_VARIABLES,
} from "./nudge-templates.ts";

export const NUDGE_KINDS = Object.keys(ONE_LOAN_VARIABLES) as NudgeKind[];
export const NUDGE_TONES: readonly NudgeTone[] = ["friendly", "reassuring", "direct"];

export interface NudgeTemplateEntry {
  /** Where it lives: "one/overdue/direct", "several/pre_due/friendly", "parts/optOut". */
  readonly key: string;
  /** The template text; undefined when the locale leaves it out. */
  readonly text: string | undefined;
  readonly variables: readonly string[];
}

/**
 * Lists every template a locale must have, even ones it leaves out (their `text` is undefined).
 * @example nudgeTemplateEntries(nudgeTemplates.en).find((e) => e.key === "parts/optOut")
 */
export function nudgeTemplateEntries(templates: NudgeLocaleTemplates): NudgeTemplateEntry[] {
  const bodies = NUDGE_KINDS.flatMap((kind) =>
    NUDGE_TONES.flatMap((tone) => [
      {
        key: `one/${kind}/${tone}`,
        text: templates.one?.[kind]?.[tone],
        variables: ONE_LOAN_VARIABLES[kind],
      },
      {
        key: `several/${kind}/${tone}`,
        text: templates.several?.[kind]?.[tone],
        variables: SEVERAL_LOANS_VARIABLES[kind],
      },
    ]),
  );
  const parts = (Object.keys(PART_VARIABLES) as NudgePartKey[]).map((part) => ({
    key: `parts/${part}`,
    text: templates.parts?.[part],
    variables: PART_VARIABLES[part],
  }));
  return [...bodies, ...parts];
}
