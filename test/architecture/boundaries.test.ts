// Boundaries between files and folders, read from the import graph: no loops, no back doors.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  coreFolderCycleEdges,
  coreFolderCycles,
  deepImports,
  fileCycles,
  memoryStoreImports,
  ownImports,
} from "./boundaries.ts";
import { cycles } from "./cycles.ts";
import type { ImportEdge } from "./import-graph.ts";

const ROOT = join(import.meta.dirname, "..", "..");
const edges = ownImports(ROOT);

const edge = (from: string, to: string): ImportEdge => ({ from, to, typeOnly: false, line: 1 });

describe("boundaries", () => {
  it("Should find no file that imports itself back, even through types", () => {
    expect(fileCycles(edges)).toEqual([]);
  });

  it("Should find no two folders of core that import each other", () => {
    expect(coreFolderCycles(edges)).toEqual([]);
    expect(coreFolderCycleEdges(edges)).toEqual([]);
  });

  it("Should keep the in-memory store out of bots/ and prisma/, the simulator aside", () => {
    expect(memoryStoreImports(edges)).toEqual([]);
  });

  it("Should import across top folders only through a folder's index.ts", () => {
    expect(deepImports(edges)).toEqual([]);
  });

  it("Should read the graph it checks: core's imports of money go through the graph", () => {
    expect(edges.some((e) => e.from.startsWith("core/") && e.to.startsWith("core/money/"))).toBe(
      true,
    );
    expect(edges.some((e) => e.from.startsWith("bots/") && e.to === "core/money/index.ts")).toBe(
      true,
    );
  });
});

describe("the checks catch what they are meant to catch", () => {
  it("Should report a loop of three files and leave a chain alone", () => {
    const loop = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cycles(loop)).toEqual([["a.ts", "b.ts", "c.ts"]]);
    expect(cycles(new Map([["a.ts", ["b.ts"]]]))).toEqual([]);
  });

  it("Should report two core folders importing each other", () => {
    const looped = [
      edge("core/ledger/replay.ts", "core/allocation/allocate-payment.ts"),
      edge("core/allocation/strategy.ts", "core/ledger/book.ts"),
    ];
    expect(coreFolderCycles(looped)).toEqual([["core/allocation", "core/ledger"]]);
  });

  it("Should report bots/ reaching into core/memory and a deep import across top folders", () => {
    expect(
      memoryStoreImports([edge("bots/nudger/dispatcher.ts", "core/memory/create-memory-store.ts")]),
    ).toHaveLength(1);
    expect(
      memoryStoreImports([
        edge("bots/nudger/simulate/run-simulation.ts", "core/memory/index.ts"),
        edge("test/store/memory.test.ts", "core/memory/create-memory-store.ts"),
      ]),
    ).toEqual([]);
    expect(deepImports([edge("bots/api/app.ts", "core/money/money.ts")])).toHaveLength(1);
    expect(deepImports([edge("bots/api/app.ts", "core/money/index.ts")])).toEqual([]);
    expect(deepImports([edge("test/core/money.test.ts", "core/money/money.ts")])).toEqual([]);
  });
});
