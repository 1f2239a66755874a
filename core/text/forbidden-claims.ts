// Claims a reworded message may never add: threats, legal or credit consequences, and concessions.

/** Each pattern is one kind of claim; its name is what a rejection reports. */
export const FORBIDDEN_CLAIMS: Readonly<Record<string, RegExp>> = {
  threat:
    /\b(threat\w*|consequences?|or else|last chance|final (notice|warning)|ruin\w*)\b|后果自负|最后通牒|最后机会|后果严重|威胁/iu,
  legal:
    /\b(legal (action|proceedings?|steps?)|law ?suits?|sue[ds]?|suing|court|judge?ment|attorneys?|lawyers?|litigation|garnish\w*|repossess\w*|seiz\w+|bailiffs?)\b|起诉|诉讼|法院|法律(行动|程序|责任|手段)|律师|判决|强制执行|冻结|查封|扣押|收回/iu,
  arrest:
    /\b(arrest\w*|jail|prison|police|criminal|crime|fraud|warrant)\b|逮捕|拘留|坐牢|监狱|警察|报警|公安|刑事|犯罪|诈骗/iu,
  creditScore:
    /\b(credit (score|report|rating|record|history|bureaus?|file)|blacklist\w*|collections? agency|debt collectors?)\b|征信|信用(记录|分|评分|报告)|黑名单|催收公司|不良记录/iu,
  thirdParty:
    /\b(employer|workplace|family|relatives|neighbou?rs|friends|colleagues)\b|家人|亲属|亲友|单位|同事|邻居|朋友|紧急联系人/iu,
  concession:
    /\b(waive[sd]?|waiver|waiving|settle(ment|d|s)?|settle for|discount\w*|forgiv\w+|forgave|write[- ]?off|written off|reduc(e|ed|tion)|lower(ed)? (your )?(balance|amount|payment)|interest[- ]free|no interest|cancel\w* (your |the )?(debt|loan|balance)|pay less|special offer|deal)\b|减免|免除|豁免|免息|免还|打折|折扣|优惠|和解|一笔勾销|少还|减少(欠款|金额|还款)|取消(债务|欠款)|核销/iu,
};

/**
 * The names of the claims `candidate` makes that `original` did not: the core may offer a plan
 * or name a fee, but a rewording may not add what the core never said.
 * @example addedClaims("Pay now.", "Pay now or we call your employer.") // ["thirdParty"]
 */
export function addedClaims(original: string, candidate: string): string[] {
  return Object.entries(FORBIDDEN_CLAIMS)
    .filter(([, pattern]) => pattern.test(candidate) && !pattern.test(original))
    .map(([name]) => name);
}
