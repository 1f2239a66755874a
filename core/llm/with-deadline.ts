// Bounds a model call in time whatever the adapter does: past the deadline the caller moves on.
import { LlmErrorCode, llmError } from "./llm-error.ts";

/**
 * Runs `task` with a signal that aborts after `ms`; rejects with LLM_TIMEOUT at the deadline
 * even if the task ignores its signal.
 * @example await withDeadline(4000, (signal) => llm.rewrite({ system, user, signal }))
 */
export function withDeadline<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(llmError(LlmErrorCode.Timeout, `no answer within ${ms} ms`, { ms }));
    }, ms);
  });
  const run = Promise.resolve().then(() => task(controller.signal));
  // The losing promise must not surface as an unhandled rejection.
  run.catch(() => {});
  return Promise.race([run, deadline]).finally(() => clearTimeout(timer));
}
