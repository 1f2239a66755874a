// POST /api/payments: record a payment once per Idempotency-Key; a repeat returns the first result.
import { Hono } from "hono";
import { latestDateAnywhere } from "../../../core/dates/index.ts";
import { isDomainError } from "../../../core/errors/index.ts";
import type { Transaction } from "../../../core/ledger/index.ts";
import { formatMoney, parseMoney } from "../../../core/money/index.ts";
import type { Store, StoredTransaction } from "../../../core/ports/index.ts";
import { futureDate } from "../../import/import-payments.ts";
import { parsePaymentRecord } from "../../import/payment-record.ts";
import { TOO_LARGE, tooLarge } from "../../import/stored-bounds.ts";
import { ApiError, jsonBody } from "../api-error.ts";

const MAX_KEY_LENGTH = 200;

export function paymentRoutes(store: Store, now: () => Date): Hono {
  const routes = new Hono();
  routes.post("/", async (c) => {
    const key = c.req.header("idempotency-key")?.trim();
    if (!key) {
      throw new ApiError(
        400,
        "IDEMPOTENCY_KEY_REQUIRED",
        "send an Idempotency-Key header with every payment",
      );
    }
    if (key.length > MAX_KEY_LENGTH) {
      throw new ApiError(
        400,
        "IDEMPOTENCY_KEY_TOO_LONG",
        `the Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters`,
      );
    }
    const parsed = parsePaymentRecord(await jsonBody(c));
    if (!parsed.ok) {
      const first = parsed.errors[0] ?? { field: "", reason: "is invalid" };
      throw new ApiError(422, "INVALID_PAYMENT", `${first.field}: ${first.reason}`, first.field);
    }
    const row = parsed.value;
    const loan = await store.loans.byRef(row.loanRef);
    if (!loan)
      throw new ApiError(404, "LOAN_NOT_FOUND", `no loan with ref ${row.loanRef}`, "loanRef");
    const currency = loan.terms.principal.currency;
    if (row.currency && row.currency !== currency) {
      throw new ApiError(
        422,
        "CURRENCY_MISMATCH",
        `the loan is in ${currency}, not ${row.currency}`,
        "currency",
      );
    }
    let amount: ReturnType<typeof parseMoney>;
    try {
      amount = parseMoney(row.amount, currency);
    } catch (error) {
      if (isDomainError(error)) throw new ApiError(422, error.code, error.message, "amount");
      throw error;
    }
    if (amount.minor <= 0n)
      throw new ApiError(422, "INVALID_PAYMENT", "amount: must be greater than zero", "amount");
    if (tooLarge(amount.minor))
      throw new ApiError(422, "INVALID_PAYMENT", `amount: ${TOO_LARGE}`, "amount");
    if (row.date < loan.terms.disbursedOn) {
      throw new ApiError(
        422,
        "INVALID_PAYMENT",
        `date: is before the loan was disbursed (${loan.terms.disbursedOn})`,
        "date",
      );
    }
    const latest = latestDateAnywhere(now());
    if (row.date > latest) {
      throw new ApiError(422, "PAYMENT_DATE_IN_FUTURE", `date: ${futureDate(latest)}`, "date");
    }
    const payment: Transaction = { type: "payment", date: row.date, amount };
    // The payment and its audit row are one write: both or neither.
    const { record, duplicate } = await store.atomic(async (tx) => {
      const recorded = await tx.transactions.record(loan.id, key, payment);
      if (recorded.duplicate && !sameAs(recorded.record, loan.id, payment)) {
        throw new ApiError(
          409,
          "IDEMPOTENCY_KEY_REUSED",
          "this Idempotency-Key was used for a different payment",
        );
      }
      if (!recorded.duplicate) {
        await tx.audit.append({
          actor: "api",
          action: "payment.recorded",
          subject: `loan:${loan.id}`,
          payload: { key, date: row.date, amount: formatMoney(amount), currency },
          at: now().toISOString(),
        });
      }
      return recorded;
    });
    if (duplicate) c.header("Idempotent-Replayed", "true");
    return c.json({ payment: paymentJson(record, loan.externalRef) }, duplicate ? 200 : 201);
  });
  return routes;
}

function sameAs(record: StoredTransaction, loanId: string, payment: Transaction): boolean {
  const t = record.transaction;
  return (
    record.loanId === loanId &&
    t.type === "payment" &&
    payment.type === "payment" &&
    t.date === payment.date &&
    t.amount.minor === payment.amount.minor &&
    t.amount.currency === payment.amount.currency
  );
}

function paymentJson(record: StoredTransaction, loanRef: string) {
  const t = record.transaction;
  return {
    id: record.id,
    loanRef,
    idempotencyKey: record.idempotencyKey,
    date: t.date,
    ...("amount" in t ? { amount: formatMoney(t.amount), currency: t.amount.currency } : {}),
    recordedAt: record.recordedAt,
  };
}
