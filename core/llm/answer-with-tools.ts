// Answers a question the rules cannot, with figures only from our tools and the same guard.
import { fillPrompt } from "./fill-prompt.ts";
import { guardRewrite, TELEGRAM_MAX_LENGTH } from "./guard-rewrite.ts";
import { failureReason } from "./llm-error.ts";
import type { Llm, LlmTool } from "./llm-port.ts";
import { DEFAULT_LLM_TIMEOUT_MS } from "./understand-with-llm.ts";
import { withDeadline } from "./with-deadline.ts";

/** Prompt templates (prompts/llm/answer.ts). Slots: {question} {locale} {lender}. */
export interface AnswerPrompts {
  readonly system: string;
  readonly user: string;
}

/** A core function offered to the model; it returns figures already formatted for the borrower. */
export interface CoreTool extends LlmTool {
  readonly run: (args: unknown) => Promise<Readonly<Record<string, string>>>;
}

export interface AnswerOptions {
  readonly llm: Llm;
  readonly prompts: AnswerPrompts;
  readonly tools: readonly CoreTool[];
  readonly lenderName: string;
  readonly locale: string;
  readonly timeoutMs?: number;
  readonly maxLength?: number;
}

export type ToolAnswer =
  | { readonly text: string; readonly source: "model" }
  | { readonly source: "none"; readonly rejectedBecause: string };

/**
 * The model's answer to `question` if every figure in it came back from a tool this turn and
 * it makes no claim the tools did not; else "none" and the caller answers as for unclear text.
 * The caller appends the main choices (balance, plan, agent) to whatever is sent.
 * @example const answer = await answerWithTools("why did my balance go up?", { llm, tools, ... });
 */
export async function answerWithTools(
  question: string,
  options: AnswerOptions,
): Promise<ToolAnswer> {
  const { llm } = options;
  if (llm.answer === undefined) return { source: "none", rejectedBecause: "no-tools" };
  const results: string[] = [];
  const byName = new Map(options.tools.map((tool) => [tool.name, tool]));
  const values = { question, locale: options.locale, lender: options.lenderName };
  try {
    const text = await withDeadline(options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS, (signal) =>
      llm.answer!({
        system: fillPrompt(options.prompts.system, values),
        user: fillPrompt(options.prompts.user, values),
        tools: options.tools.map(({ name, description, parameters }) => ({
          name,
          description,
          parameters,
        })),
        callTool: async (name, args) => {
          const tool = byName.get(name);
          if (tool === undefined) return { error: `no tool named ${name}` };
          const result = await tool.run(args);
          results.push(...Object.values(result));
          return result;
        },
        signal,
      }),
    );
    const guarded = guardRewrite(text, {
      // What the tools said is all the answer may state: their figures and their words.
      original: results.join("\n"),
      allowed: [...results, options.lenderName],
      maxLength: options.maxLength ?? TELEGRAM_MAX_LENGTH,
    });
    return guarded.source === "model"
      ? { text: guarded.text, source: "model" }
      : { source: "none", rejectedBecause: guarded.rejectedBecause ?? "rejected" };
  } catch (error) {
    return { source: "none", rejectedBecause: failureReason(error) };
  }
}
