// 逾期需知（中文）：依据贷款本身的规则陈述事实，不作任何威胁。
import type { DisclosureLocaleTemplates } from "../../core/disclosure/index.ts";

export const disclosure: DisclosureLocaleTemplates = {
  nextFee: "如果{dueDate}到期的还款在{feeDate}仍未还清，当天将加收滞纳金{fee}。",
  noFurtherFees: "这笔贷款不会再加收滞纳金。",
  noLateFees: "这笔贷款不收取滞纳金。",
  interestOnBalance:
    "利息仍在累计：按当前本金余额{balance}、年利率{rate}计算，每月利息{interest}。",
  interestOnPrincipal: "利息仍在累计：按借款本金{balance}、年利率{rate}计算，每月利息{interest}。",
  forLoan: "贷款 {loanRef}：{line}",
  planRate: "利率：年利率{rate}。",
  planRateFrozen: "利率：前{count}期暂停计息，之后年利率{rate}。",
  planMissedFee:
    "如果错过计划内的还款：{dueDate}到期的还款在{feeDate}仍未还清，将加收滞纳金{fee}。",
  planMissedNoFee: "如果错过计划内的还款，不加收滞纳金，该期仍需偿还。",
  // 贷款机构自己关于征信报送和催收的说明，在逾期通知中原文显示。为空时不作任何说明。
  lenderStatement: "",
};
