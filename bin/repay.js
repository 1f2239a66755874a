#!/usr/bin/env node
// The `repay` command: runs the TypeScript CLI through tsx's loader (no build step).
import { register } from "tsx/esm/api";

register();
await import("../bots/cli/main.ts");
