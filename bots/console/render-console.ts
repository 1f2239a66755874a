// The assistant's Reply as terminal text: the message, then numbered choices to type.
import type { Reply } from "../../core/assistant/index.ts";

export function renderConsoleReply(reply: Reply, speaker = "assistant"): string {
  const lines = [
    `${speaker}> ${reply.text.split("\n").join(`\n${" ".repeat(speaker.length + 2)}`)}`,
  ];
  if (reply.choices.length > 0) {
    lines.push(reply.choices.map((choice, i) => `  [${i + 1}] ${choice.label}`).join("   "));
  }
  if (reply.handoff) lines.push("  (a person from the collections team will pick this up)");
  return lines.join("\n");
}
