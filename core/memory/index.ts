// Public API of memory: the in-memory Store (tests, the simulator, the console demo).
export { createMemoryStore, type MemoryStoreOptions } from "./create-memory-store.ts";
