// Public API of nudges: render an automated reminder from loan facts and per-locale templates.

export type {
  NudgeFacts,
  NudgeHistory,
  NudgeKind,
  NudgeLoanFacts,
  NudgeTone,
  RenderedNudge,
} from "./nudge-message.ts";
export {
  type NudgeBodies,
  type NudgeLocaleTemplates,
  type NudgePartKey,
  type NudgeTemplates,
  ONE_LOAN_VARIABLES,
  PART_VARIABLES,
  SEVERAL_LOANS_VARIABLES,
} from "./nudge-templates.ts";
export { renderNudge } from "./render-nudge.ts";
export {
  GOOD_HISTORY_FROM,
  LOW_SCORE_BELOW,
  type NudgeSegment,
  type NudgeSegmentName,
  nudgeSegment,
  REPEATEDLY_LATE_FROM,
} from "./segment.ts";
export {
  NUDGE_KINDS,
  NUDGE_TONES,
  type NudgeTemplateEntry,
  nudgeTemplateEntries,
} from "./template-entries.ts";
export { nudgeTextFacts } from "./text-facts.ts";
