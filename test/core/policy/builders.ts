// Shared builders for the contact-policy tests: loan states, borrowers, contacts, decide inputs.
import { addDays, type IsoDate } from "../../../core/dates/iso-date.ts";
import type { Components, LoanState } from "../../../core/ledger/loan-state.ts";
import { money } from "../../../core/money/index.ts";
import {
  type ContactRecord,
  contactProfiles,
  type DecideInput,
  type PolicyBorrower,
} from "../../../core/policy/index.ts";

function components(total: bigint): Components {
  const zero = money(0n, "USD");
  return {
    principal: money(total, "USD"),
    interest: zero,
    fees: zero,
    penalties: zero,
    total: money(total, "USD"),
  };
}

export interface LoanShape {
  readonly asOf: IsoDate;
  /** Days past due as of `asOf`; the oldest unpaid installment fell due that many days earlier. */
  readonly daysPastDue?: number;
  /** Due date of the next installment not yet due (defaults to 30 days after the overdue one). */
  readonly nextDue?: IsoDate;
  readonly paidOff?: boolean;
}

/** A monthly loan of 100.00 installments in the shape the policy reads. */
export function loanState(shape: LoanShape): LoanState {
  const dpd = shape.daysPastDue ?? 0;
  const overdueOn = dpd > 0 ? addDays(shape.asOf, -dpd) : undefined;
  const nextDue = shape.paidOff
    ? undefined
    : (shape.nextDue ?? addDays(overdueOn ?? shape.asOf, 30));
  const installment = (
    n: number,
    dueDate: IsoDate,
    status: "overdue" | "due" | "future" | "paid",
  ) => ({
    n,
    dueDate,
    due: components(10000n),
    paid: components(status === "paid" ? 10000n : 0n),
    outstanding: components(status === "paid" ? 0n : 10000n),
    status,
  });
  const installments = [
    ...(overdueOn ? [installment(1, overdueOn, "overdue" as const)] : []),
    ...(nextDue
      ? [installment(2, nextDue, nextDue === shape.asOf ? ("due" as const) : ("future" as const))]
      : []),
  ];
  return {
    currency: "USD",
    asOf: shape.asOf,
    outstanding: components(shape.paidOff ? 0n : 20000n),
    overdue: components(dpd > 0 ? 10000n : 0n),
    daysPastDue: dpd,
    bucket:
      dpd === 0
        ? "current"
        : dpd <= 30
          ? "1-30"
          : dpd <= 60
            ? "31-60"
            : dpd <= 90
              ? "61-90"
              : "90+",
    ...(nextDue ? { nextDue: { date: nextDue, amount: money(10000n, "USD"), n: 2 } } : {}),
    payoff: money(shape.paidOff ? 0n : 20000n, "USD"),
    credit: money(0n, "USD"),
    installments,
    paidOff: shape.paidOff ?? false,
  };
}

export function borrower(overrides: Partial<PolicyBorrower> = {}): PolicyBorrower {
  return {
    id: "b-1",
    timeZone: "America/New_York",
    flags: { deceased: false, bankruptcy: false, hardship: false },
    optedOutChannels: [],
    unreachableChannels: [],
    ...overrides,
  };
}

export function contact(at: string, overrides: Partial<ContactRecord> = {}): ContactRecord {
  return {
    at,
    loanId: "loan-1",
    borrowerId: "b-1",
    channel: "telegram",
    automated: true,
    ...overrides,
  };
}

/**
 * A loan 1 day past due on 2026-03-04 for a New York borrower, nothing sent yet, 15:00 local:
 * every check passes, so a test changes one thing and sees one reason.
 */
export function decideInput(overrides: Partial<DecideInput> = {}): DecideInput {
  return {
    loanId: "loan-1",
    loanState: loanState({ asOf: "2026-03-04", daysPastDue: 1 }),
    borrower: borrower(),
    channel: "telegram",
    contactHistory: [],
    inbound: [],
    pauses: [],
    handoffOpen: false,
    now: "2026-03-04T15:00:00-05:00",
    profile: contactProfiles.default,
    ...overrides,
  };
}
