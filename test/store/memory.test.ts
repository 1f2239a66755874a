// The in-memory store passes the store contract.
import { createMemoryStore } from "../../core/memory/create-memory-store.ts";
import type { Store } from "../../core/ports/store.ts";
import { storeContract } from "./contract/store-contract.ts";

storeContract("memory", async () => {
  let store: Store = createMemoryStore();
  return {
    get store() {
      return store;
    },
    async reset() {
      store = createMemoryStore();
    },
    async teardown() {},
  };
});
