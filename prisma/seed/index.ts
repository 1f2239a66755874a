// Public API of seed: the demo loan book, and writing it into a store.

export { type DemoLoan, demoBook } from "./demo-book.ts";
export { seedDemoBook } from "./seed-demo.ts";
