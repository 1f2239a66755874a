// What the Telegram bot says outside the assistant: linking, flood notices, errors, commands.
import type { Locale } from "../core/ports/index.ts";

export interface TelegramTexts {
  readonly unlinked: string;
  readonly shareContactButton: string;
  readonly linked: string;
  readonly badCode: string;
  readonly contactNotYours: string;
  readonly contactNoMatch: string;
  readonly slowDown: string;
  readonly somethingWrong: string;
  readonly chooseLanguage: string;
  readonly languageSet: string;
  readonly noPayLink: string;
  readonly payLink: string;
  readonly commands: Readonly<
    Record<"balance" | "plan" | "pay" | "stop" | "help" | "language", string>
  >;
}

export const telegramTexts: Readonly<Record<Locale, TelegramTexts>> = {
  en: {
    unlinked:
      "Hello! To see your account here, open the link your lender sent you, or share your phone number with the button below so we can match it to your account.",
    shareContactButton: "Share my phone number",
    linked:
      "You're linked, {name}. Ask me about your balance, your next payment or a payment plan.",
    badCode:
      "That link code isn't valid or has expired. Please ask your lender for a new one, or share your phone number.",
    contactNotYours: "Please share your own phone number with the button below.",
    contactNoMatch:
      "We couldn't match that number to an account. Please use the link your lender sent you.",
    slowDown: "You're sending messages quickly. I'll answer in a moment.",
    somethingWrong: "Sorry, something went wrong on our side. Please try again in a minute.",
    chooseLanguage: "Which language would you like?",
    languageSet: "Done. I'll write in English.",
    noPayLink:
      "Online payment isn't set up for your loan yet. Please pay the way your lender told you.",
    payLink: "You can pay {amount} here: {link}",
    commands: {
      balance: "What I owe",
      plan: "Payment plan options",
      pay: "Get a payment link",
      stop: "Stop automated reminders",
      help: "What I can do",
      language: "English / 中文",
    },
  },
  "zh-CN": {
    unlinked:
      "您好！要在这里查看您的账户，请打开贷款机构发给您的链接，或点击下方按钮分享您的手机号码，以便我们匹配您的账户。",
    shareContactButton: "分享我的手机号码",
    linked: "{name}，您已成功绑定。可以问我余额、下次还款或还款计划。",
    badCode: "该绑定码无效或已过期。请向贷款机构索取新的绑定码，或分享您的手机号码。",
    contactNotYours: "请通过下方按钮分享您本人的手机号码。",
    contactNoMatch: "未能用该号码匹配到账户。请使用贷款机构发给您的链接。",
    slowDown: "您发送消息较快，我稍后回复。",
    somethingWrong: "抱歉，我们这边出了点问题。请稍后再试。",
    chooseLanguage: "您希望使用哪种语言？",
    languageSet: "好的，我会用中文回复。",
    noPayLink: "您的贷款暂未开通在线还款。请按贷款机构告知的方式还款。",
    payLink: "您可以在这里支付 {amount}：{link}",
    commands: {
      balance: "我欠多少",
      plan: "还款计划",
      pay: "获取还款链接",
      stop: "停止自动提醒",
      help: "我能做什么",
      language: "English / 中文",
    },
  },
};

export function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
