// 短信专用文字（中文）：保留全部金额的短提醒、关键词回复、编号选项。
import type { SmsLocaleTemplates } from "../../core/sms/index.ts";

export const sms: SmsLocaleTemplates = {
  optOut: "回复“退订”停止短信提醒。",
  shortOne: "【{lender}】贷款{loanRef}应还{amount}，到期日{dueDate}。回复1查询余额。",
  shortSeveral:
    "【{lender}】贷款{loanRef}应还{amount}，到期日{dueDate}；另有{more}笔贷款待还。回复1查询余额。",
  shortFee: "{feeDate}仍未还将加收滞纳金{fee}。",
  shortNoFurtherFees: "不会再加收滞纳金。",
  shortNoLateFees: "此贷款无滞纳金。",
  shortInterest: "利息每月{interest}。",
  choice: "回复{n}：{label}",
  help: "【{lender}】还款提醒与贷款咨询。回复“退订”停止短信，回复START重新开启。",
  stopped: "【{lender}】您将不再收到自动短信。回复START可重新开启，仍可随时发短信咨询。",
  started: "【{lender}】短信提醒已重新开启。回复“退订”停止。",
};
