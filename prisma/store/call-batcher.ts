// Concurrent calls of one kind served by one statement: many chats asking at once cost one round trip, not one each.

/** What a batch answers for an input it could not serve with the others: that call runs alone. */
export const RUN_ALONE: unique symbol = Symbol("run alone");

export interface BatchedCall<In, Out> {
  /** The call's own statement: for a lone call, and for any call a batch could not serve. */
  readonly one: (input: In) => Promise<Out>;
  /**
   * One statement for two or more inputs: a result per input, in the inputs' order, or
   * RUN_ALONE for one that must run on its own (it failed, say, and `one` reports why).
   */
  readonly many: (inputs: readonly In[]) => Promise<readonly (Out | typeof RUN_ALONE)[]>;
  /** Statements of this call running at once (default 1); further calls wait and gather. */
  readonly maxInFlight?: number;
  /** Most inputs in one statement (default 100). */
  readonly maxBatch?: number;
}

interface Waiting<In, Out> {
  readonly input: In;
  readonly resolve: (value: Out) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The call as a function that serves concurrent calls together. A call waits for the loop's
 * next check phase (`setImmediate`), so the calls of one turn of the event loop gather; when
 * `maxInFlight` statements are already running it waits for one of them to end, and every call
 * made meanwhile goes in the next statement. A lone call on an idle database so waits one turn
 * of the loop and runs `one`, as it would have. Each caller awaits its own result: nothing is
 * answered before its statement is done. When `many` fails, every call of that batch runs
 * alone, so an error reaches only the caller it belongs to.
 *
 * @example
 * const find = batchCalls({ one: (id) => readOne(id), many: (ids) => readMany(ids) });
 * const [a, b] = await Promise.all([find("a"), find("b")]); // one readMany(["a", "b"])
 */
export function batchCalls<In, Out>(call: BatchedCall<In, Out>): (input: In) => Promise<Out> {
  const maxInFlight = call.maxInFlight ?? 1;
  const maxBatch = call.maxBatch ?? 100;
  const waiting: Waiting<In, Out>[] = [];
  let inFlight = 0;
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    while (waiting.length > 0 && inFlight < maxInFlight) {
      inFlight += 1;
      void serve(call, waiting.splice(0, maxBatch)).finally(() => {
        inFlight -= 1;
        schedule();
      });
    }
  };
  const schedule = () => {
    if (scheduled || waiting.length === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    setImmediate(flush);
  };
  return (input) =>
    new Promise<Out>((resolve, reject) => {
      waiting.push({ input, resolve, reject });
      schedule();
    });
}

/** Runs one statement for `batch` and settles each caller; resolves once that statement is done. */
async function serve<In, Out>(call: BatchedCall<In, Out>, batch: readonly Waiting<In, Out>[]) {
  if (batch.length === 1) {
    const [lone] = batch as [Waiting<In, Out>];
    await call.one(lone.input).then(lone.resolve, lone.reject);
    return;
  }
  let results: readonly (Out | typeof RUN_ALONE)[] | undefined;
  try {
    results = await call.many(batch.map((waiting) => waiting.input));
  } catch {
    // Which input broke the statement is not known: each runs alone and meets its own fate.
    results = undefined;
  }
  if (results !== undefined && results.length !== batch.length) results = undefined;
  for (const [i, waiting] of batch.entries()) {
    // `undefined` is a result too (no row found): only RUN_ALONE or no batch means run alone.
    const result = results === undefined ? RUN_ALONE : results[i];
    if (result !== RUN_ALONE) waiting.resolve(result as Out);
    else call.one(waiting.input).then(waiting.resolve, waiting.reject);
  }
}
