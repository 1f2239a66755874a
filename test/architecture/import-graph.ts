// The project's own import graph, read from the .ts sources with TypeScript's parser.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";

/** One import of a file: where it points (a repo path, or a package name) and whether it is erased. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

const SKIP = new Set(["node_modules", "generated", "data", "dist", ".git"]);

/** Every .ts file under the given top folders, as repo-relative paths with forward slashes. */
export function sourceFiles(root: string, folders: readonly string[]): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      if (SKIP.has(name)) return [];
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return name.endsWith(".ts") ? [path] : [];
    });
  return folders
    .flatMap((folder) => walk(join(root, folder)))
    .map((path) => toRepoPath(root, path))
    .sort();
}

function toRepoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join("/");
}

function specifiersOf(source: ts.SourceFile): { text: string; typeOnly: boolean; pos: number }[] {
  const found: { text: string; typeOnly: boolean; pos: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = node.importClause?.isTypeOnly ?? false;
      found.push({ text: node.moduleSpecifier.text, typeOnly, pos: node.getStart(source) });
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      found.push({
        text: node.moduleSpecifier.text,
        typeOnly: node.isTypeOnly,
        pos: node.getStart(source),
      });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ text: node.arguments[0].text, typeOnly: false, pos: node.getStart(source) });
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      found.push({ text: node.argument.literal.text, typeOnly: true, pos: node.getStart(source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The imports of one file; relative specifiers become repo paths, packages stay as written. */
export function importsOf(root: string, file: string): ImportEdge[] {
  const text = readFileSync(join(root, file), "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  return specifiersOf(source).map(({ text: spec, typeOnly, pos }) => ({
    from: file,
    to: spec.startsWith(".") ? toRepoPath(root, resolve(root, dirname(file), spec)) : spec,
    typeOnly,
    line: source.getLineAndCharacterOfPosition(pos).line + 1,
  }));
}

/** All imports of all the given files. */
export function importGraph(root: string, files: readonly string[]): ImportEdge[] {
  return files.flatMap((file) => importsOf(root, file));
}
