// Shared builders for the assistant tests: a store with a late borrower, the assistant, and turns.

import type { AssistantDeps, Reply, Turn } from "../../../core/assistant/index.ts";
import { createAssistant } from "../../../core/assistant/index.ts";
import type { Transaction } from "../../../core/ledger/transaction.ts";
import { createMemoryStore } from "../../../core/memory/index.ts";
import { parseMoney } from "../../../core/money/decimal.ts";
import type { Borrower, BorrowerInput } from "../../../core/ports/borrowers.ts";
import type { StoredLoan } from "../../../core/ports/loans.ts";
import type { Store } from "../../../core/ports/store.ts";
import { assistantTemplates } from "../../../prompts/index.ts";
import { givenBorrower, loanInput } from "../../helpers/builders.ts";
import { payment, standardLateFee, termsOf, usd } from "../../helpers/loans.ts";

/** Wednesday 2026-04-01, 10:00 in New York, 22:00 in Shanghai. */
export const AT = "2026-04-01T14:00:00.000Z";
export const LENDER = "Acme Credit";

export interface World {
  readonly store: Store;
  /** Moves the store's clock (it stamps recordedAt). */
  setClock(instant: string): void;
  readonly assistant: ReturnType<typeof createAssistant>;
}

export function world(deps: Partial<Omit<AssistantDeps, "store">> = {}): World {
  let now = AT;
  const store = createMemoryStore({ clock: () => now });
  const assistant = createAssistant({
    store,
    templates: assistantTemplates,
    lenderName: LENDER,
    ...deps,
  });
  return {
    store,
    assistant,
    setClock: (instant) => {
      now = instant;
    },
  };
}

/**
 * The worked example: 1200.00 USD at 12.99% over 12 monthly installments from 2026-02-15, late
 * fee 15.00 + 5% after 3 grace days (cap 60.00), 50.00 paid on 2026-03-20. On 2026-04-01 it
 * is 45 days past due with 205.08 overdue.
 */
export async function givenLateLoan(
  store: Store,
  borrowerId: string,
  options: { currency?: "USD" | "CNY"; payments?: Transaction[]; ref?: string } = {},
): Promise<StoredLoan> {
  const currency = options.currency ?? "USD";
  const amount = (text: string) => parseMoney(text, currency);
  const { loan } = await store.loans.upsert(
    loanInput(borrowerId, {
      ...(options.ref ? { externalRef: options.ref } : {}),
      terms: termsOf({ principal: amount("1200.00") }),
      lateFee:
        currency === "USD"
          ? standardLateFee
          : {
              flat: amount("15.00"),
              percent: standardLateFee.percent,
              graceDays: 3,
              cap: amount("60.00"),
            },
    }),
  );
  const payments = options.payments ?? [payment("2026-03-20", amount("50.00"))];
  for (const [index, tx] of payments.entries()) {
    await store.transactions.record(loan.id, `${loan.id}:pay:${index}`, tx);
  }
  return loan;
}

/** A borrower two installments behind on the worked-example loan. */
export async function givenLateBorrower(
  store: Store,
  overrides: Partial<BorrowerInput> = {},
  currency: "USD" | "CNY" = "USD",
): Promise<{ borrower: Borrower; loan: StoredLoan }> {
  const borrower = await givenBorrower(store, overrides);
  const loan = await givenLateLoan(store, borrower.id, { currency });
  return { borrower, loan };
}

export function says(
  w: World,
  borrowerId: string,
  text: string,
  at = AT,
  channel: Turn["channel"] = "telegram",
): Promise<Reply> {
  return w.assistant.respond({ borrowerId, channel, at, text });
}

export function taps(w: World, borrowerId: string, action: string, at = AT): Promise<Reply> {
  return w.assistant.respond({ borrowerId, channel: "telegram", at, action });
}

/** The action of the choice whose action starts with `prefix`; fails the test if none. */
export function actionStarting(reply: Reply, prefix: string, index = 0): string {
  const found = reply.choices.filter((choice) => choice.action.startsWith(prefix))[index];
  if (!found) throw new Error(`no "${prefix}" choice in ${JSON.stringify(reply.choices)}`);
  return found.action;
}

export { usd };
