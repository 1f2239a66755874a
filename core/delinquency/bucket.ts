// Delinquency buckets by days past due, as collections teams report them.

export type DelinquencyBucket = "current" | "1-30" | "31-60" | "61-90" | "90+";

export function delinquencyBucket(daysPastDue: number): DelinquencyBucket {
  if (daysPastDue <= 0) return "current";
  if (daysPastDue <= 30) return "1-30";
  if (daysPastDue <= 60) return "31-60";
  if (daysPastDue <= 90) return "61-90";
  return "90+";
}
