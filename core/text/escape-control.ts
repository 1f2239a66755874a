// Control characters in text headed for a log line or a terminal, written out as escapes.

/** C0 controls, DEL and C1 controls: a NUL, an ANSI escape or a newline never reach a log raw. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** True when `text` holds a control character (a NUL, a newline, an escape). */
export function hasControlCharacter(text: string): boolean {
  CONTROL.lastIndex = 0;
  return CONTROL.test(text);
}

/**
 * `text` with every control character as an escape: "\n" as `\n`, NUL as `\u0000`.
 *
 * @example escapeControl("a\u0000b\nc") // "a\\u0000b\\nc"
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (ch) => {
    if (ch === "\n") return "\\n";
    if (ch === "\r") return "\\r";
    if (ch === "\t") return "\\t";
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
