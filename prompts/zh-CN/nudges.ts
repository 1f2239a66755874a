// 自动还款提醒（中文）：语气坚定而尊重，金额和日期准确。所有数字都以变量传入。
import type { NudgeLocaleTemplates } from "../../core/nudges/index.ts";
import { disclosure } from "./disclosure.ts";

export const nudges: NudgeLocaleTemplates = {
  one: {
    pre_due: {
      friendly: "{name}，您好，这里是{lender}。温馨提醒：您的一期还款{amount}将于{dueDate}到期。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您一直按时还款。您的下一期还款{amount}将于{dueDate}到期。",
      direct: "{name}，您好，这里是{lender}。您的下一期还款{amount}将于{dueDate}到期。",
    },
    due_today: {
      friendly:
        "{name}，您好，这里是{lender}。您的还款{amount}今天（{dueDate}）到期。如您已还款，谢谢您。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您一直按时还款。您的还款{amount}今天（{dueDate}）到期。",
      direct: "{name}，您好，这里是{lender}。您的还款{amount}今天（{dueDate}）到期。",
    },
    overdue: {
      friendly:
        "{name}，您好，这里是{lender}。您{dueDate}到期的还款我们还没有收到，目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。如您已安排还款，谢谢您。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您一直以来的配合。您{dueDate}到期的还款目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。如果情况有变化，我们随时可以帮您。",
      direct:
        "{name}，您好，这里是{lender}。您{dueDate}到期的还款已逾期{daysPastDue}，应还金额为{amount}{feesNote}。请安排还款，或告诉我们您能做到的安排。",
    },
    follow_up: {
      friendly:
        "{name}，您好，这里是{lender}，跟进一下您的还款。您{dueDate}到期的还款仍未结清，目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。如果遇到了什么情况，我们愿意帮忙。",
      reassuring:
        "{name}，您好，这里是{lender}，想问问您的近况。您{dueDate}到期的还款仍未结清，目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。无论遇到什么情况，我们都可以一起想办法。",
      direct:
        "{name}，您好，这里是{lender}。您{dueDate}到期的还款仍未结清，目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。请安排还款，或告诉我们您能做到的安排。",
    },
    plan_offer: {
      friendly:
        "{name}，您好，这里是{lender}。您{dueDate}到期的还款目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。如果一次还清有困难，可以通过还款计划分成较小的金额。",
      reassuring:
        "{name}，您好，这里是{lender}。我们理解资金有时会比较紧张。您{dueDate}到期的还款目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。还款计划可以减轻压力，我们很乐意和您一起制定。",
      direct:
        "{name}，您好，这里是{lender}。您{dueDate}到期的还款目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。我们一起定个办法：全额还款，或办理还款计划。",
    },
    broken_promise: {
      friendly:
        "{name}，您好，这里是{lender}。您原计划在{promisedFor}还款，我们暂时还没有收到。您{dueDate}到期的还款目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。如果计划有变，没关系，告诉我们就好。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您之前告诉我们会在{promisedFor}还款，目前我们还没有收到这笔款项。您{dueDate}到期的还款已逾期{daysPastDue}，应还金额为{amount}{feesNote}。如果遇到了困难，我们可以一起另想办法。",
      direct:
        "{name}，您好，这里是{lender}。您计划在{promisedFor}的还款我们还没有收到。您{dueDate}到期的还款目前已逾期{daysPastDue}，应还金额为{amount}{feesNote}。请安排还款，或告诉我们一个可行的日期或计划。",
    },
    plan_installment: {
      friendly:
        "{name}，您好，这里是{lender}。温馨提醒：您还款计划中的一期{amount}将于{dueDate}到期。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您和我们一起执行还款计划。下一期{amount}将于{dueDate}到期。",
      direct: "{name}，您好，这里是{lender}。您还款计划中的一期{amount}将于{dueDate}到期。",
    },
  },
  several: {
    pre_due: {
      friendly:
        "{name}，您好，这里是{lender}。温馨提醒，您{loanCount}笔贷款的下一期还款如下：\n{loans}",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您一直按时还款。您{loanCount}笔贷款的下一期还款如下：\n{loans}",
      direct: "{name}，您好，这里是{lender}。您{loanCount}笔贷款的下一期还款如下：\n{loans}",
    },
    due_today: {
      friendly:
        "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款今天到期：\n{loans}\n如您已还款，谢谢您。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您一直按时还款。您{loanCount}笔贷款的还款今天到期：\n{loans}",
      direct: "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款今天到期：\n{loans}",
    },
    overdue: {
      friendly:
        "{name}，您好，这里是{lender}。您{loanCount}笔贷款的部分还款我们还没有收到：\n{loans}\n如您已安排还款，谢谢您。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您一直以来的配合。您{loanCount}笔贷款的部分还款目前已逾期：\n{loans}\n如果情况有变化，我们随时可以帮您。",
      direct:
        "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款已逾期：\n{loans}\n请安排还款，或告诉我们您能做到的安排。",
    },
    follow_up: {
      friendly:
        "{name}，您好，这里是{lender}，跟进一下您的还款。您{loanCount}笔贷款的还款仍未结清：\n{loans}\n如果遇到了什么情况，我们愿意帮忙。",
      reassuring:
        "{name}，您好，这里是{lender}，想问问您的近况。您{loanCount}笔贷款的还款仍未结清：\n{loans}\n无论遇到什么情况，我们都可以一起想办法。",
      direct:
        "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款仍未结清：\n{loans}\n请安排还款，或告诉我们您能做到的安排。",
    },
    plan_offer: {
      friendly:
        "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款已逾期：\n{loans}\n如果一次还清有困难，可以通过还款计划分成较小的金额。",
      reassuring:
        "{name}，您好，这里是{lender}。我们理解资金有时会比较紧张。您{loanCount}笔贷款的还款已逾期：\n{loans}\n还款计划可以减轻压力，我们很乐意和您一起制定。",
      direct:
        "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款已逾期：\n{loans}\n我们一起定个办法：全额还款，或办理还款计划。",
    },
    broken_promise: {
      friendly:
        "{name}，您好，这里是{lender}。您原计划在{promisedFor}还款，我们暂时还没有收到。您{loanCount}笔贷款的情况如下：\n{loans}\n如果计划有变，没关系，告诉我们就好。",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您之前告诉我们会在{promisedFor}还款，目前我们还没有收到这笔款项。您{loanCount}笔贷款的情况如下：\n{loans}\n如果遇到了困难，我们可以一起另想办法。",
      direct:
        "{name}，您好，这里是{lender}。您计划在{promisedFor}的还款我们还没有收到。您{loanCount}笔贷款的情况如下：\n{loans}\n请安排还款，或告诉我们一个可行的日期或计划。",
    },
    plan_installment: {
      friendly:
        "{name}，您好，这里是{lender}。温馨提醒，您{loanCount}笔贷款的还款计划下一期如下：\n{loans}",
      reassuring:
        "{name}，您好，这里是{lender}。感谢您和我们一起执行还款计划。您{loanCount}笔贷款的下一期如下：\n{loans}",
      direct: "{name}，您好，这里是{lender}。您{loanCount}笔贷款的还款计划下一期如下：\n{loans}",
    },
  },
  parts: {
    loanUpcoming: "• 贷款 {loanRef}：{amount}，{dueDate}到期",
    loanLate: "• 贷款 {loanRef}：{dueDate}到期，已逾期{daysPastDue}，应还{amount}{feesNote}",
    feesNote: "（含费用及滞纳金{fees}）",
    daysOne: "{count}天",
    daysOther: "{count}天",
    payLink: "还款链接：{payLink}",
    payLinkFor: "贷款 {loanRef} 还款链接：{payLink}",
    planStep: "如果目前还款有困难，回复“计划”查看还款计划方案。",
    optOut: "回复“退订”停止提醒。",
  },
  disclosure,
  // 邀请学习课程的一行，每14天最多一次；为空时不发送。
  learnInvite: "",
};
