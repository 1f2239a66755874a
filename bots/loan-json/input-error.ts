// A wrong field in a JSON loan or transaction: the field's path and what is wrong with it.

/** An input problem, reported as `error: <field>: <reason>` (CLI) or a 400 naming the field (API). */
export class InputError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = "InputError";
  }
}
