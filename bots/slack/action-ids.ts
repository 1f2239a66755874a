// Stable ids of the app's buttons and modals, and the small JSON each carries, built and read in one place.

export const ACTION = {
  pause: "repay.pause",
  resume: "repay.resume",
  dispute: "repay.dispute",
  waive: "repay.waive",
  note: "repay.note",
  linkCode: "repay.link_code",
  plan: "repay.plan",
  openCard: "repay.open_card",
  claim: "repay.claim",
  release: "repay.release",
} as const;

export const VIEW = {
  pause: "repay.pause_modal",
  dispute: "repay.dispute_modal",
  waive: "repay.waive_modal",
  note: "repay.note_modal",
  plan: "repay.plan_modal",
} as const;

/** What a card button or modal remembers: the borrower, the loan, and where to confirm to the agent. */
export interface Target {
  readonly borrowerId: string;
  readonly loanId?: string;
  readonly channel?: string;
}

export function encodeTarget(target: Target): string {
  return JSON.stringify(target);
}

/** Undefined for anything that is not a target we wrote. */
export function decodeTarget(text: string | undefined): Target | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<Target>;
    if (typeof value.borrowerId !== "string") return undefined;
    return {
      borrowerId: value.borrowerId,
      ...(typeof value.loanId === "string" ? { loanId: value.loanId } : {}),
      ...(typeof value.channel === "string" ? { channel: value.channel } : {}),
    };
  } catch {
    return undefined;
  }
}
