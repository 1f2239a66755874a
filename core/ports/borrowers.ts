// Port: the lender's borrowers, looked up by our id or the lender's external ref.
import type { Locale } from "../text/locale.ts";

export type { Locale };

export interface BorrowerFlags {
  readonly deceased: boolean;
  readonly bankruptcy: boolean;
  readonly hardship: boolean;
}

export interface BorrowerInput {
  readonly externalRef: string;
  readonly name: string;
  /** E.164, e.g. "+447700900123". */
  readonly phone?: string;
  readonly locale: Locale;
  /** IANA zone, e.g. "Asia/Shanghai". */
  readonly timeZone: string;
  readonly flags?: Partial<BorrowerFlags>;
}

export interface Borrower extends Omit<BorrowerInput, "flags"> {
  readonly id: string;
  readonly flags: BorrowerFlags;
}

/** What an upsert did: nothing when every field already matched. */
export type UpsertChange = "created" | "updated" | "unchanged";

/** An upsert's outcome; `before`, on an update only, is the record as it was (a phone change is consent news). */
export interface BorrowerUpsert {
  readonly borrower: Borrower;
  readonly change: UpsertChange;
  readonly before?: Borrower;
}

export interface BorrowerStore {
  upsert(input: BorrowerInput): Promise<BorrowerUpsert>;
  /**
   * Upserts each input as `upsert` would, results in input order; for imports, far fewer round
   * trips. Rejects with CONFLICT when a ref appears twice, before writing anything.
   */
  upsertMany(inputs: readonly BorrowerInput[]): Promise<BorrowerUpsert[]>;
  byId(id: string): Promise<Borrower | undefined>;
  /** `byId` for many ids in one read: the borrowers found, keyed by id; unknown ids are absent. */
  byIds(ids: readonly string[]): Promise<Map<string, Borrower>>;
  byRef(externalRef: string): Promise<Borrower | undefined>;
  /** Refs, names (case-insensitive substring) or the last digits of a phone number. */
  search(query: string, limit: number): Promise<Borrower[]>;
  setFlags(id: string, flags: Partial<BorrowerFlags>): Promise<Borrower>;
}
