// The project's boundaries as checks over its import graph: each returns the imports that break one.

import { cycles } from "./cycles.ts";
import { type ImportEdge, importGraph, sourceFiles } from "./import-graph.ts";

/** Product code: what ships. Tests and benchmarks may reach inside a folder to check it. */
export const PRODUCT_FOLDERS = ["core", "bots", "prisma", "prompts"] as const;
const ALL_FOLDERS = [...PRODUCT_FOLDERS, "test", "bench"] as const;

/**
 * The product files that may use the in-memory store as their store: the simulator runs a
 * month of nudges on it. (Tests use it too; they are not product code.)
 */
export const MEMORY_STORE_USERS: readonly string[] = ["bots/nudger/simulate/run-simulation.ts"];

/** The repository's own imports: every edge whose target is one of its .ts files. */
export function ownImports(root: string): ImportEdge[] {
  const files = sourceFiles(root, ALL_FOLDERS);
  const known = new Set(files);
  return importGraph(root, files).filter((edge) => known.has(edge.to));
}

function adjacency(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const [from, to] of pairs) {
    const targets = next.get(from) ?? [];
    if (!targets.includes(to)) targets.push(to);
    next.set(from, targets);
  }
  return next;
}

/** Files that import each other, directly or round a loop (type-only imports count too). */
export function fileCycles(edges: readonly ImportEdge[]): string[][] {
  return cycles(adjacency(edges.map((edge) => [edge.from, edge.to] as const)));
}

/** "core/ledger" for "core/ledger/replay.ts"; undefined for a file at core/'s top. */
export function coreFolderOf(path: string): string | undefined {
  const parts = path.split("/");
  return parts[0] === "core" && parts.length > 2 ? `${parts[0]}/${parts[1]}` : undefined;
}

/** core's folders that import each other, directly or round a loop. */
export function coreFolderCycles(edges: readonly ImportEdge[]): string[][] {
  const pairs = edges.flatMap((edge) => {
    const from = coreFolderOf(edge.from);
    const to = coreFolderOf(edge.to);
    return from && to && from !== to ? [[from, to] as const] : [];
  });
  return cycles(adjacency(pairs));
}

/** The imports of one core folder from another that close a loop, to show where to cut it. */
export function coreFolderCycleEdges(edges: readonly ImportEdge[]): string[] {
  const loops = coreFolderCycles(edges);
  return edges
    .filter((edge) => {
      const from = coreFolderOf(edge.from);
      const to = coreFolderOf(edge.to);
      return (
        from !== to && loops.some((loop) => loop.includes(from ?? "") && loop.includes(to ?? ""))
      );
    })
    .map(show);
}

/** Product code outside core that imports the in-memory store, other than MEMORY_STORE_USERS. */
export function memoryStoreImports(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter(
      (edge) =>
        /^(bots|prisma)\//.test(edge.from) &&
        edge.to.startsWith("core/memory/") &&
        !MEMORY_STORE_USERS.includes(edge.from),
    )
    .map(show);
}

const topFolderOf = (path: string): string => path.split("/")[0] as string;

/**
 * Product imports from one top folder into another that go past a folder's index.ts: each
 * folder's public API is what its index.ts lists.
 */
export function deepImports(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter(
      (edge) =>
        (PRODUCT_FOLDERS as readonly string[]).includes(topFolderOf(edge.from)) &&
        topFolderOf(edge.from) !== topFolderOf(edge.to) &&
        !edge.to.endsWith("/index.ts"),
    )
    .map(show);
}

function show(edge: ImportEdge): string {
  return `${edge.from}:${edge.line} -> ${edge.to}`;
}
