// The language for a tap or a command: the one the borrower last wrote (or tapped) in, else their locale.
import { detectLanguage } from "../intents/language.ts";
import type { Language } from "../intents/types.ts";
import type { Store } from "../ports/store.ts";

// A tap carries no words of its own. Replies follow the borrower's message language, so the
// buttons they tap were labelled in the language of their last message; tap records are
// stored in that language too ("[tapped: 余额]"), which keeps a run of taps consistent.
// A command ("/learn fees") carries none either: its Latin letters are not English words, so it
// is passed over, as if it had been a tap.
const LOOK_BACK = 20;

export async function tapLanguage(
  store: Store,
  borrowerId: string,
  fallback: Language,
): Promise<Language> {
  const recent = await store.conversation.recent(borrowerId, LOOK_BACK);
  const last = recent
    .filter((m) => m.direction === "inbound" && m.author === "borrower" && !isCommand(m.text))
    .at(-1);
  return last ? detectLanguage(last.text, fallback) : fallback;
}

function isCommand(text: string): boolean {
  return text.trimStart().startsWith("/");
}
