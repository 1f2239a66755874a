// A short course on the borrower's own loan, in English: plain words, their figures as variables.
import type { Course } from "../../core/learn/index.ts";
import { disclosure } from "./disclosure.ts";

export const course: Course = {
  heading: "Lesson {number} of {count}: {title}",
  done: "That's the whole course. Send /learn any time to go through a lesson again.",
  labelNext: "Next: {title}",
  noLoan: "The lessons use the figures of your own loan, and I can't find an active loan for you.",
  disclosure,
  lessons: {
    balance: {
      title: "How your balance is made up",
      body: "You owe {total} in all: {principal} of it is principal (the money you borrowed and haven't repaid yet), {interest} is interest still to come on your schedule, and {charges} is late fees and other charges.",
    },
    interest: {
      title: "How interest works",
      body: "Interest is what borrowing costs. Your rate is {rate} a year, charged on the principal you still owe, so it shrinks as you repay. Your installment of {payment} due on {dueDate} has {interestPart} of interest in it; the other {principalPart} brings your principal down.",
    },
    fees: {
      title: "How late fees grow",
      body: "A late fee is added when a payment is still unpaid after the grace days your loan allows. For your loan today: {feeRule} Paying on time, or talking to us before a due date, keeps these costs away.",
    },
    plans: {
      title: "What a plan costs and saves",
      body: "A payment plan changes how you repay, never what you owe today. A longer term lowers each payment below {payment} but keeps interest at {rate} running for longer, so it usually costs more in total; a catch-up plan spreads what's overdue over your next payments. Every plan option shows its total and how it compares with your current schedule before you agree. Reply PLAN to see yours.",
    },
    budget: {
      title: "Making a monthly budget",
      body: "List what comes in each month, then the essentials: housing, food, transport, utilities. Put your loan installment of {payment} (the one due on {dueDate}) among the essentials, then plan the rest. If the numbers don't add up, tell us early: a plan is easier to set up before a payment is missed.",
    },
    rights: {
      title: "Your rights",
      body: "You can stop automated reminders at any time by replying STOP. You can dispute a debt you believe is wrong, and you can ask to talk to a person at {lender} whenever you like. None of this changes what you owe or how we treat you.",
    },
  },
};
