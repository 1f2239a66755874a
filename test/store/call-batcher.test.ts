// Concurrent store calls served by one statement: who gets which result, what a failure reaches, when a lone call runs.
import { describe, expect, it } from "vitest";
import { type BatchedCall, batchCalls, RUN_ALONE } from "../../prisma/store/call-batcher.ts";

/** A fake statement pair that records what it was asked; `many` answers from `one`'s rule. */
function recordingCall(
  rule: (input: string) => string | undefined,
  more: Partial<BatchedCall<string, string | undefined>> = {},
) {
  const ones: string[] = [];
  const manys: string[][] = [];
  const call: BatchedCall<string, string | undefined> = {
    one: async (input) => {
      ones.push(input);
      return rule(input);
    },
    many: async (inputs) => {
      manys.push([...inputs]);
      return inputs.map(rule);
    },
    ...more,
  };
  return { call, ones, manys };
}

/** A promise settled from outside: a statement that is still running until told otherwise. */
function held<T>() {
  let release: (value: T) => void = () => {};
  const promise = new Promise<T>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("batchCalls", () => {
  it("Should serve the calls of one turn of the event loop with one statement, each caller getting its own result", async () => {
    const { call, ones, manys } = recordingCall((input) => `row of ${input}`);
    const find = batchCalls(call);

    const results = await Promise.all(["ana", "ben", "chen"].map(find));

    expect(results).toEqual(["row of ana", "row of ben", "row of chen"]);
    expect(manys).toEqual([["ana", "ben", "chen"]]);
    expect(ones).toEqual([]);
  });

  it("Should run a lone call by itself in the loop's next check phase", async () => {
    const { call, ones, manys } = recordingCall((input) => `row of ${input}`);
    const find = batchCalls(call);

    const result = find("ana");
    const seenInThatPhase = new Promise<string[]>((resolve) =>
      setImmediate(() => resolve([...ones])),
    );

    expect(await seenInThatPhase).toEqual(["ana"]);
    expect(await result).toBe("row of ana");
    expect(manys).toEqual([]);
  });

  it("Should gather the calls made while a statement runs into the next statement", async () => {
    const first = held<string>();
    const { call, manys } = recordingCall((input) => `row of ${input}`, {
      one: (input) => (input === "ana" ? first.promise : Promise.resolve(`row of ${input}`)),
    });
    const find = batchCalls(call);

    const ana = find("ana");
    await nextTurn();
    const later = Promise.all(["ben", "chen", "dev"].map(find));
    await nextTurn();
    expect(manys).toEqual([]);
    first.release("row of ana");

    expect(await ana).toBe("row of ana");
    expect(await later).toEqual(["row of ben", "row of chen", "row of dev"]);
    expect(manys).toEqual([["ben", "chen", "dev"]]);
  });

  it("Should let as many statements run at once as maxInFlight allows", async () => {
    const running = [held<string>(), held<string>()];
    let started = 0;
    const find = batchCalls<string, string>({
      one: () => (running[started++] as ReturnType<typeof held<string>>).promise,
      many: async (inputs) => inputs.map((input) => `row of ${input}`),
      maxInFlight: 2,
    });

    const ana = find("ana");
    await nextTurn();
    const ben = find("ben");
    await nextTurn();
    expect(started).toBe(2);
    running[0]?.release("row of ana");
    running[1]?.release("row of ben");

    expect([await ana, await ben]).toEqual(["row of ana", "row of ben"]);
  });

  it("Should give undefined (no row) to its caller without running the call again", async () => {
    const { call, ones } = recordingCall((input) => (input === "nobody" ? undefined : input));
    const find = batchCalls(call);

    expect(await Promise.all([find("ana"), find("nobody")])).toEqual(["ana", undefined]);
    expect(ones).toEqual([]);
  });

  it("Should run alone each input the batch could not serve, so its own error reaches only its caller", async () => {
    const find = batchCalls<string, string>({
      one: async (input) => {
        if (input === "gone") throw new Error("borrower gone is not there");
        return `row of ${input}`;
      },
      many: async (inputs) =>
        inputs.map((input) => (input === "gone" ? RUN_ALONE : `row of ${input}`)),
    });

    const settled = await Promise.allSettled(["ana", "gone", "ben"].map(find));

    expect(settled).toEqual([
      { status: "fulfilled", value: "row of ana" },
      { status: "rejected", reason: new Error("borrower gone is not there") },
      { status: "fulfilled", value: "row of ben" },
    ]);
  });

  it("Should run every call alone when the batch's statement fails, each meeting its own fate", async () => {
    const { call, ones, manys } = recordingCall((input) => `row of ${input}`, {
      many: async (inputs) => {
        manys.push([...inputs]);
        throw new Error("the statement failed");
      },
      one: async (input) => {
        ones.push(input);
        if (input === "bad") throw new Error("bad input");
        return `row of ${input}`;
      },
    });
    const find = batchCalls(call);

    const settled = await Promise.allSettled(["ana", "bad", "ben"].map(find));

    expect(manys).toEqual([["ana", "bad", "ben"]]);
    expect(ones.sort()).toEqual(["ana", "bad", "ben"]);
    expect(settled.map((s) => (s.status === "fulfilled" ? s.value : String(s.reason)))).toEqual([
      "row of ana",
      "Error: bad input",
      "row of ben",
    ]);
  });

  it("Should split more calls than maxBatch into statements of at most maxBatch", async () => {
    const { call, manys } = recordingCall((input) => input, { maxBatch: 2, maxInFlight: 3 });
    const find = batchCalls(call);

    expect(await Promise.all(["a", "b", "c", "d", "e"].map(find))).toEqual([
      "a",
      "b",
      "c",
      "d",
      "e",
    ]);
    expect(manys).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });
});
