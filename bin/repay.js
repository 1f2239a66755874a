#!/usr/bin/env node
// The `repay` command: runs the compiled CLI in dist/ (built by `npm install`), else the TypeScript sources.
import { existsSync } from "node:fs";

const compiled = new URL("../dist/bots/cli/main.js", import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  // No build (say, installed without dev dependencies): tsx compiles at every start, seconds slower.
  process.stderr.write("repay: no compiled build in dist/ (npm run build); running the sources\n");
  const { register } = await import("tsx/esm/api");
  register();
  await import("../bots/cli/main.ts");
}
