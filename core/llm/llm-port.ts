// The LLM port: what core asks of a language model. Adapters (bots/llm) speak to a real one.

/** One prompt: instructions for the model and the text it works on. */
export interface LlmPrompt {
  readonly system: string;
  readonly user: string;
  /** Aborted when the caller stops waiting; adapters cancel the request. */
  readonly signal?: AbortSignal;
}

/** A prompt whose answer must be JSON matching `schema` (a JSON Schema object). */
export interface ClassifyPrompt extends LlmPrompt {
  readonly schemaName: string;
  readonly schema: Readonly<Record<string, unknown>>;
}

/** A tool the model may call; our code runs it and hands back the result. */
export interface LlmTool {
  readonly name: string;
  readonly description: string;
  /** JSON Schema of the arguments object. */
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface AnswerPrompt extends LlmPrompt {
  readonly tools: readonly LlmTool[];
  /** Runs a tool the model picked; the result is sent back to the model as JSON. */
  readonly callTool: (name: string, args: unknown) => Promise<unknown>;
  /** Model turns before giving up (each may call tools); adapters default to 3. */
  readonly maxSteps?: number;
}

/**
 * A language model, behind the smallest interface core needs. Every method may reject
 * (timeout, HTTP error, unparseable answer); callers in core fall back to the template.
 */
export interface Llm {
  /** Structured output: the parsed JSON the model returned, not yet validated. */
  classify(prompt: ClassifyPrompt): Promise<unknown>;
  /** Free text: a rewording of the text in the prompt. */
  rewrite(prompt: LlmPrompt): Promise<string>;
  /** A free-text answer the model may build by calling tools. */
  answer?(prompt: AnswerPrompt): Promise<string>;
}
