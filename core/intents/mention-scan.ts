// Finds non-overlapping mentions (dates, amounts) in text and swaps them for sentinel words.

export interface Mention<T> {
  start: number;
  end: number;
  value: T;
}

/** A way of writing a mention: a global regex and a reader that may still reject the match. */
export interface MentionPattern<T> {
  regex: RegExp;
  read(match: RegExpExecArray): T | undefined;
}

// One global copy per pattern, compiled once: compiling ~50 patterns per message dominated the cost.
const globalCopies = new WeakMap<RegExp, RegExp>();

function globalCopy(regex: RegExp): RegExp {
  let copy = globalCopies.get(regex);
  if (copy === undefined) {
    copy = new RegExp(regex.source, `${regex.flags.replace("g", "")}g`);
    globalCopies.set(regex, copy);
  }
  return copy;
}

function overlaps(start: number, end: number, taken: readonly Mention<unknown>[]): boolean {
  return taken.some((mention) => start < mention.end && mention.start < end);
}

/**
 * Runs the patterns in order (most specific first); a match overlapping an earlier one is skipped.
 * `taken` holds mentions already found by another scanner, so an amount never eats a date.
 */
export function scanMentions<T>(
  text: string,
  patterns: readonly MentionPattern<T>[],
  taken: readonly Mention<unknown>[] = [],
): Mention<T>[] {
  const found: Mention<T>[] = [];
  for (const pattern of patterns) {
    const regex = globalCopy(pattern.regex);
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
      if (match[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const start = match.index;
      const end = start + match[0].length;
      if (overlaps(start, end, taken) || overlaps(start, end, found)) continue;
      const value = pattern.read(match);
      if (value !== undefined) found.push({ start, end, value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `text` with every mention replaced by ` sentinel ` (spaces keep words apart). */
export function replaceMentions(
  text: string,
  mentions: readonly Mention<unknown>[],
  sentinel: string,
): string {
  let result = "";
  let position = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    result += `${text.slice(position, mention.start)} ${sentinel} `;
    position = mention.end;
  }
  return result + text.slice(position);
}
