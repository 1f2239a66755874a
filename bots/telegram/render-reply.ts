// Turns the assistant's Reply into a Telegram message: text plus an inline keyboard.
import { InlineKeyboard } from "grammy";
import type { Reply } from "../../core/assistant/index.ts";

/** Telegram's message limit; longer replies are cut at a line break with an ellipsis. */
const MAX_TEXT = 4096;

export function renderReply(reply: Reply): { text: string; keyboard?: InlineKeyboard } {
  const text = reply.text.length <= MAX_TEXT ? reply.text : cut(reply.text);
  if (reply.choices.length === 0) return { text };
  const keyboard = new InlineKeyboard();
  reply.choices.forEach((choice, i) => {
    keyboard.text(choice.label, choice.action);
    if (i % 2 === 1 && i < reply.choices.length - 1) keyboard.row();
  });
  return { text, keyboard };
}

function cut(text: string): string {
  const head = text.slice(0, MAX_TEXT - 1);
  const lastBreak = head.lastIndexOf("\n");
  return `${lastBreak > MAX_TEXT / 2 ? head.slice(0, lastBreak) : head}…`;
}
