// A command's coded refusal as the errors a Slack modal shows beside its fields; any other failure goes on up.
import { isDomainError } from "../../core/errors/index.ts";

/** What `ack` takes to keep a modal open with errors under its fields. */
export interface ModalErrors {
  readonly response_action: "errors";
  readonly errors: Record<string, string>;
}

/**
 * A rejection handler: a DomainError whose code is listed becomes the modal's errors; other
 * errors are thrown again for the app's error handler.
 *
 * @example await addNote(store, input).then(() => undefined, refusedWith({ REASON_REQUIRED: { note: "Write the note." } }))
 */
export function refusedWith(
  fields: Readonly<Record<string, Record<string, string>>>,
): (error: unknown) => ModalErrors {
  return (error) => {
    const errors = isDomainError(error) ? fields[error.code] : undefined;
    if (!errors) throw error;
    return { response_action: "errors", errors };
  };
}
