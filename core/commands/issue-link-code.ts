// "Link code": an agent issues a one-time code the borrower sends the bot to link their chat.
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { requireBorrower } from "./records.ts";

export interface IssueLinkCodeInput {
  readonly borrowerId: string;
  /** Only the hash is stored; the code itself is shown once, to the agent. */
  readonly codeHash: string;
  readonly expiresAt: string;
  readonly actor: string;
  readonly at: string;
}

/** Stores the code's hash and audits, together; the code never reaches the audit log. */
export async function issueLinkCode(
  store: Store,
  input: IssueLinkCodeInput,
): Promise<{ readonly borrowerName: string }> {
  return store.atomic(async (tx) => {
    const borrower = await requireBorrower(tx, input.borrowerId);
    await tx.linkCodes.issue(borrower.id, input.codeHash, input.expiresAt);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "link_code.issued",
        subject: `borrower:${borrower.id}`,
        details: { expiresAt: input.expiresAt },
        at: input.at,
      }),
    );
    return { borrowerName: borrower.name };
  });
}
