// Port: the append-only audit log: who did what to whom, and when.
export interface AuditEntry {
  /** "agent:<slack user id>", "assistant", "nudger", "import", "api", "cli". */
  readonly actor: string;
  /** E.g. "loan.upserted", "payment.recorded", "pause.created". */
  readonly action: string;
  /** E.g. "borrower:<id>", "loan:<id>". */
  readonly subject: string;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly at: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  forSubject(subject: string, limit: number): Promise<AuditEntry[]>;
}
