// 邮件专用文字（中文）：主题、退订说明和退订页面。
import type { EmailLocaleTemplates, UnsubscribeProblemTemplates } from "../../core/email/index.ts";

export const email: EmailLocaleTemplates = {
  subject: {
    pre_due: "【{lender}】您的下一期还款即将到期",
    due_today: "【{lender}】您的还款今天到期",
    overdue: "【{lender}】您的还款已逾期",
    follow_up: "【{lender}】您的还款尚未结清",
    plan_offer: "【{lender}】还款计划或许能帮到您",
    broken_promise: "【{lender}】我们尚未收到您约定的还款",
    plan_installment: "【{lender}】您的还款计划分期即将到期",
    other: "【{lender}】关于您的贷款",
  },
  optOut: "您可以随时退订这些提醒邮件。",
  unsubscribe: "退订",
  footer: "此邮件由{lender}发送，内容与您的贷款有关。",
  page: {
    title: "【{lender}】提醒邮件",
    confirm: "停止向 {email} 发送{lender}的提醒邮件？",
    button: "退订",
    done: "已退订：{email} 将不再收到{lender}的提醒邮件。如有问题，仍可随时联系我们。",
  },
};

export const emailProblem: UnsubscribeProblemTemplates = {
  title: "退订链接",
  badLink: "此退订链接无效。请使用最新一封邮件中的链接，或回复邮件要求停止发送。",
  expiredLink: "此退订链接已过期。请使用最新一封邮件中的链接，或回复邮件要求停止发送。",
};
