// "Add a note": an agent's words about a borrower, kept in the audit log for the next agent.
import type { Store } from "../ports/store.ts";
import { commandAudit } from "./command-audit.ts";
import { requireBorrower, requireReason } from "./records.ts";

export interface AddNoteInput {
  readonly borrowerId: string;
  readonly note: string;
  readonly actor: string;
  readonly at: string;
}

/** REASON_REQUIRED for an empty note; the note is the audit entry's `why`. */
export async function addNote(
  store: Store,
  input: AddNoteInput,
): Promise<{ readonly borrowerName: string }> {
  const note = requireReason(input.note, "note");
  return store.atomic(async (tx) => {
    const borrower = await requireBorrower(tx, input.borrowerId);
    await tx.audit.append(
      commandAudit({
        actor: input.actor,
        action: "note.added",
        subject: `borrower:${borrower.id}`,
        why: note,
        at: input.at,
      }),
    );
    return { borrowerName: borrower.name };
  });
}
