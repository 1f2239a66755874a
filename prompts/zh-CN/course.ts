// 关于您自己贷款的简短课程（中文）：用词平实，数字来自您的贷款。
import type { Course } from "../../core/learn/index.ts";
import { disclosure } from "./disclosure.ts";

export const course: Course = {
  heading: "第{number}课（共{count}课）：{title}",
  done: "课程已全部学完。随时发送 /learn 可以再学一遍。",
  labelNext: "下一课：{title}",
  noLoan: "课程会用到您自己贷款的数字，但没有找到您名下正在还款的贷款。",
  disclosure,
  lessons: {
    balance: {
      title: "您的欠款是怎么构成的",
      body: "您总共欠款{total}：其中本金{principal}（借到但尚未还的钱），按还款计划尚未到期的利息{interest}，滞纳金及其他费用{charges}。",
    },
    interest: {
      title: "利息是怎么计算的",
      body: "利息是借款的成本。您的年利率为{rate}，按尚未还清的本金计算，所以随着还款会逐渐减少。您{dueDate}到期的一期还款{payment}中，利息为{interestPart}，其余{principalPart}用于减少本金。",
    },
    fees: {
      title: "滞纳金是怎么产生的",
      body: "如果某期还款在贷款允许的宽限期后仍未还清，就会加收滞纳金。您的贷款目前的情况：{feeRule}按时还款，或在到期前联系我们，就能避免这些费用。",
    },
    plans: {
      title: "还款计划的成本与好处",
      body: "还款计划改变的是还款方式，不会改变您今天的欠款。延长期限可以让每期还款低于{payment}，但年利率{rate}的利息会计算更久，总额通常更高；补缴计划则把逾期金额分摊到接下来的几期。每个方案在您确认前都会显示总额以及与当前还款计划的比较。回复“计划”查看适合您的方案。",
    },
    budget: {
      title: "制定每月预算",
      body: "先列出每月收入，再列出必要支出：住房、饮食、交通、水电。把贷款还款{payment}（{dueDate}到期的一期）列入必要支出，再安排其余开销。如果收支对不上，请尽早告诉我们：在错过还款之前更容易安排还款计划。",
    },
    rights: {
      title: "您的权利",
      body: "您可以随时回复“退订”停止自动提醒。如果您认为欠款有误，可以提出异议；也可以随时要求与{lender}的工作人员沟通。这些都不会改变您的欠款，也不会影响我们对您的态度。",
    },
  },
};
