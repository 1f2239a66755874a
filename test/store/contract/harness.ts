// What a backend hands the store contract: a Store, a way to empty it, a way to dispose of it.
import type { Store } from "../../../core/ports/store.ts";

export interface StoreHarness {
  /** May be a fresh object after `reset()`; read it in each test. */
  readonly store: Store;
  /** Empties every table; runs before each test. */
  reset(): Promise<void>;
  teardown(): Promise<void>;
}

export interface ContractOptions<H extends StoreHarness = StoreHarness> {
  /** Features this backend cannot store yet, with the reason; their tests are skipped. */
  readonly gaps?: Partial<Record<"rateCap", string>>;
  /** Backend-specific tests, defined inside the contract's describe (same setup and resets). */
  readonly extra?: (harness: () => H) => void;
}

/** How contract sections reach the current store. */
export type StoreOf = () => Store;
