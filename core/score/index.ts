// Public API of score: a borrower's repayment-behaviour score with its factors and reasons.

export {
  type RepaymentScore,
  repaymentScore,
  SCORE_WEIGHTS,
  type ScoreFactor,
  type ScoreFactorCode,
  type ScoreInput,
} from "./repayment-score.ts";
