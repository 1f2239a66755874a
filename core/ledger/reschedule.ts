// A reschedule (an accepted plan) replayed: open installments closed, new ones booked, nothing owed dropped.
import { ErrorCode } from "../errors/codes.ts";
import { DomainError } from "../errors/domain-error.ts";
import {
  type BookInstallment,
  COMPONENTS,
  emptyParts,
  isOpen,
  openAmount,
  type Parts,
} from "../installments/book.ts";
import { money } from "../money/money.ts";
import { bookInstallments } from "./book-installments.ts";
import { interestOwed } from "./payoff.ts";
import type { Reschedule, RescheduleInstallment } from "./transaction.ts";

/** Closes every open installment and books the reschedule's installments in their place. */
export function reschedule(installments: BookInstallment[], transaction: Reschedule): void {
  const owed = emptyParts();
  for (const installment of installments) {
    for (const part of COMPONENTS) owed[part] += openAmount(installment, part);
  }
  owed.interest = interestOwed(installments, transaction.date);
  const replacing = carryWhatIsOwed(transaction, owed);
  for (const installment of installments) {
    if (isOpen(installment)) {
      installment.rescheduled = true;
      installment.closedOn = transaction.date;
    }
  }
  const firstN = (installments.at(-1)?.n ?? 0) + 1;
  installments.push(...bookInstallments(replacing, transaction.date, firstN));
}

/**
 * The reschedule's installments, checked to carry what is owed on its date: the principal, and
 * (when it states its carried interest) exactly the interest earned and unpaid, the fees and the
 * penalties, so the payoff that day is the same before and after.
 */
function carryWhatIsOwed(transaction: Reschedule, owed: Parts): readonly RescheduleInstallment[] {
  const planned = emptyParts();
  let carried = 0n;
  let stated = false;
  for (const installment of transaction.installments) {
    for (const part of COMPONENTS) planned[part] += installment[part].minor;
    if (installment.carriedInterest === undefined) continue;
    stated = true;
    const share = installment.carriedInterest.minor;
    if (share < 0n || share > installment.interest.minor) {
      invalidReschedule(
        transaction,
        `installment ${installment.n} carries ${share} of ${installment.interest.minor} interest`,
      );
    }
    carried += share;
  }
  if (planned.principal !== owed.principal) {
    invalidReschedule(
      transaction,
      `plans ${planned.principal} minor units of principal but ${owed.principal} are outstanding`,
    );
  }
  if (stated) {
    for (const [part, want, got] of [
      ["interest earned", owed.interest, carried],
      ["fees", owed.fees, planned.fees],
      ["penalties", owed.penalties, planned.penalties],
    ] as const) {
      if (want !== got)
        invalidReschedule(transaction, `carries ${got} of ${part} but ${want} are owed`);
    }
    return transaction.installments;
  }
  return inferCarried(transaction.installments, owed, planned);
}

/**
 * A reschedule that does not say what it carries (written before plans stated it): the interest
 * earned by its date is taken as carried on its first installments, in order, and whatever
 * interest, fees or penalties it left out is added to its first installment, so nothing owed
 * that day is dropped.
 */
function inferCarried(
  installments: readonly RescheduleInstallment[],
  owed: Parts,
  planned: Parts,
): RescheduleInstallment[] {
  let left = owed.interest;
  return installments.map((installment, i) => {
    const extra = emptyParts();
    if (i === 0) {
      for (const part of ["interest", "fees", "penalties"] as const) {
        extra[part] = positive(owed[part] - planned[part]);
      }
    }
    const interest = installment.interest.minor + extra.interest;
    const share = left < interest ? left : interest;
    left -= share;
    const currency = installment.principal.currency;
    return {
      ...installment,
      interest: money(interest, currency),
      fees: money(installment.fees.minor + extra.fees, currency),
      penalties: money(installment.penalties.minor + extra.penalties, currency),
      carriedInterest: money(share, currency),
    };
  });
}

function invalidReschedule(transaction: Reschedule, problem: string): never {
  throw new DomainError(
    ErrorCode.InvalidTransaction,
    `reschedule on ${transaction.date} ${problem}`,
    {
      field: "installments",
      date: transaction.date,
    },
  );
}

function positive(value: bigint): bigint {
  return value > 0n ? value : 0n;
}
