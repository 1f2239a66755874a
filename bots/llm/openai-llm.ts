// The Llm port over the openai SDK (6.x): any OpenAI-compatible chat-completions endpoint.
import OpenAI from "openai";
import type {
  ChatCompletionMessageParam,
  ChatCompletionTool,
} from "openai/resources/chat/completions";
import { type Llm, LlmErrorCode, type LlmPrompt } from "../../core/llm/index.ts";

export interface OpenAiLlmOptions {
  /** Local OpenAI-compatible servers often need none; the SDK insists on some string. */
  readonly apiKey?: string;
  /** e.g. "http://127.0.0.1:8080/v1"; default the OpenAI API. */
  readonly baseURL?: string;
  readonly model: string;
  /** The whole call, retries included, ends by then. */
  readonly timeoutMs: number;
  readonly maxRetries: number;
}

/** A failure of the model call, with a code core understands and the SDK error as cause. */
export class LlmCallError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "LlmCallError";
    this.code = code;
  }
}

const DEFAULT_MAX_STEPS = 3;

/**
 * An Llm on the openai SDK. Each call gets `timeoutMs` in total: the SDK's per-attempt timeout
 * and a signal that also stops retries; 4xx/5xx are retried up to `maxRetries` within it.
 * @example const llm = openAiLlm({ baseURL: "http://127.0.0.1:8080/v1", model: "gpt-4o-mini", timeoutMs: 4000, maxRetries: 1 });
 */
export function openAiLlm(options: OpenAiLlmOptions): Llm {
  const client = new OpenAI({
    apiKey: options.apiKey ?? "unused",
    ...(options.baseURL === undefined ? {} : { baseURL: options.baseURL }),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  });

  function requestOptions(prompt: LlmPrompt) {
    const deadline = AbortSignal.timeout(options.timeoutMs);
    return {
      signal: prompt.signal ? AbortSignal.any([prompt.signal, deadline]) : deadline,
    };
  }

  function messages(prompt: LlmPrompt): ChatCompletionMessageParam[] {
    return [
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user },
    ];
  }

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof LlmCallError) throw error;
      const timedOut =
        error instanceof OpenAI.APIConnectionTimeoutError ||
        error instanceof OpenAI.APIUserAbortError;
      const code = timedOut ? LlmErrorCode.Timeout : LlmErrorCode.Failed;
      throw new LlmCallError(code, `${what}: ${(error as Error).message}`, { cause: error });
    }
  }

  function content(text: string | null | undefined, what: string): string {
    if (typeof text !== "string" || text.trim() === "") {
      throw new LlmCallError(LlmErrorCode.BadAnswer, `${what}: empty answer`);
    }
    return text;
  }

  return {
    classify: (prompt) =>
      call("classify", async () => {
        const completion = await client.chat.completions.create(
          {
            model: options.model,
            temperature: 0,
            messages: messages(prompt),
            response_format: {
              type: "json_schema",
              json_schema: { name: prompt.schemaName, schema: { ...prompt.schema }, strict: true },
            },
          },
          requestOptions(prompt),
        );
        const text = content(completion.choices[0]?.message.content, "classify");
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          throw new LlmCallError(LlmErrorCode.BadAnswer, "classify: not JSON", { cause: error });
        }
      }),

    rewrite: (prompt) =>
      call("rewrite", async () => {
        const completion = await client.chat.completions.create(
          { model: options.model, temperature: 0.3, messages: messages(prompt) },
          requestOptions(prompt),
        );
        return content(completion.choices[0]?.message.content, "rewrite");
      }),

    answer: (prompt) =>
      call("answer", async () => {
        const signal = requestOptions(prompt);
        const tools: ChatCompletionTool[] = prompt.tools.map((tool) => ({
          type: "function",
          function: {
            name: tool.name,
            description: tool.description,
            parameters: { ...tool.parameters },
          },
        }));
        const history = messages(prompt);
        for (let step = 0; step < (prompt.maxSteps ?? DEFAULT_MAX_STEPS); step += 1) {
          const completion = await client.chat.completions.create(
            { model: options.model, temperature: 0, messages: history, tools },
            signal,
          );
          const message = completion.choices[0]?.message;
          const calls = (message?.tool_calls ?? []).filter((c) => c.type === "function");
          if (message === undefined || calls.length === 0) {
            return content(message?.content, "answer");
          }
          history.push({ role: "assistant", content: message.content, tool_calls: calls });
          for (const toolCall of calls) {
            let args: unknown = {};
            try {
              args = JSON.parse(toolCall.function.arguments || "{}");
            } catch {
              args = {};
            }
            const result = await prompt.callTool(toolCall.function.name, args);
            history.push({
              role: "tool",
              tool_call_id: toolCall.id,
              content: JSON.stringify(result),
            });
          }
        }
        throw new LlmCallError(LlmErrorCode.BadAnswer, "answer: too many tool steps");
      }),
  };
}
