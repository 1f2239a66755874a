// A test's own child-process script run on plain node against the compiled build, not through tsx.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import ts from "typescript";
import { buildIsStale } from "./fresh-build.ts";

const ROOT = join(import.meta.dirname, "..", "..");
/** Scripts compiled in this process: the build does not change during a run. */
const compiled = new Map<string, string[]>();

/**
 * The node arguments that run the TypeScript script `path` (a file under the repository).
 *
 * tsx's loader costs about 0.7 s of CPU at every start (1.2 s against 0.5 s for the same
 * modules), which a test that starts a child 21 times pays 21 times. When dist/ is current (the
 * test setup rebuilds it), the script alone is compiled once per test process, beside the build at
 * the same relative place (dist/test/...), with its `.ts` imports rewritten to `.js` by the
 * compiler the build uses: the child then imports the compiled product, the code `npm start`
 * runs. With a stale build, it falls back to `--import tsx` and the sources.
 *
 * @example spawn(process.execPath, childScript(join(import.meta.dirname, "crash-dispatcher.ts")))
 */
export function childScript(path: string): string[] {
  const known = compiled.get(path);
  if (known) return known;
  const args = buildIsStale() ? ["--import", "tsx", path] : [compile(path)];
  compiled.set(path, args);
  return args;
}

/** Compiles `path` beside the build (dist/<its path>.js) and returns where. */
function compile(path: string): string {
  const out = join(ROOT, "dist", relative(ROOT, path)).replace(/\.ts$/, ".js");
  const { outputText } = ts.transpileModule(readFileSync(path, "utf8"), {
    fileName: path,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      rewriteRelativeImportExtensions: true,
      verbatimModuleSyntax: true,
    },
  });
  mkdirSync(dirname(out), { recursive: true });
  // Two test files may compile the same script at once: each renames a whole file into place.
  const partial = `${out}.${process.pid}.tmp`;
  writeFileSync(partial, outputText);
  renameSync(partial, out);
  return out;
}
