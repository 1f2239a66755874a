// Public API of score: a borrower's repayment-behaviour score with its factors and reasons.

export {
  type RepaymentScore,
  repaymentScore,
  SCORE_WEIGHTS,
  type ScoreFactor,
  type ScoreInput,
} from "./repayment-score.ts";
export {
  SCORE_TABLE,
  type ScoreBand,
  type ScoreFactorCode,
  type ScoreFactorTable,
  type ScoreLocale,
} from "./score-table.ts";
export { scoreTableMarkdown } from "./score-table-markdown.ts";
