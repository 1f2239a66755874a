// Carrier keywords an SMS program must honour at once, whatever else the text could mean (pure).

export type SmsKeyword = "stop" | "start" | "help";

const KEYWORDS: Readonly<Record<string, SmsKeyword>> = {
  STOP: "stop",
  STOPALL: "stop",
  UNSUBSCRIBE: "stop",
  CANCEL: "stop",
  END: "stop",
  QUIT: "stop",
  退订: "stop",
  START: "start",
  UNSTOP: "start",
  HELP: "help",
  INFO: "help",
};

/**
 * The keyword a whole message is (case, spaces and trailing punctuation ignored), else
 * undefined: "stop" is a keyword, "please stop texting me" is for the assistant.
 *
 * @example smsKeyword(" Stop. ") // "stop"
 */
export function smsKeyword(text: string): SmsKeyword | undefined {
  const word = text
    .trim()
    .replace(/[.!。！\s]+$/u, "")
    .toUpperCase();
  return Object.hasOwn(KEYWORDS, word) ? KEYWORDS[word] : undefined;
}
