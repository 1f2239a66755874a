// Prompts for the optional LLM, as data handed to core/llm (core never imports prompts/).
export { answerPrompts } from "./answer.ts";
export { classifyPrompts } from "./classify.ts";
export { rewritePrompts } from "./rewrite.ts";
