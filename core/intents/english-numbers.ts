// Small numbers and ordinals written as English words: "three days", "the fifth", "a couple of".

const CARDINALS: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  couple: 2,
  "a couple": 2,
  "a couple of": 2,
  "couple of": 2,
  "a few": 3,
  few: 3,
};

const ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  "twenty first": 21,
  "twenty second": 22,
  "twenty third": 23,
  "twenty fourth": 24,
  "twenty fifth": 25,
  "twenty sixth": 26,
  "twenty seventh": 27,
  "twenty eighth": 28,
  "twenty ninth": 29,
  thirtieth: 30,
  "thirty first": 31,
};

/** Alternations for patterns, longest first so "twenty first" wins over "first". */
export const CARDINAL_WORDS = Object.keys(CARDINALS)
  .sort((a, b) => b.length - a.length)
  .join("|");
export const ORDINAL_WORDS = Object.keys(ORDINALS)
  .sort((a, b) => b.length - a.length)
  .join("|")
  .replace(/ /g, "[ -]");

/** "3", "three", "a couple of" -> a number; undefined if not a count we know. */
export function parseCount(text: string): number | undefined {
  if (/^\d{1,3}$/.test(text)) return Number(text);
  const key = text.trim().replace(/\s+/g, " ");
  return Object.hasOwn(CARDINALS, key) ? CARDINALS[key] : undefined;
}

/** "5", "5th", "fifth", "twenty-first" -> a day of the month 1..31, else undefined. */
export function parseDayOfMonth(text: string): number | undefined {
  const digits = /^(\d{1,2})(st|nd|rd|th)?$/.exec(text);
  const day = digits
    ? Number(digits[1])
    : Object.hasOwn(ORDINALS, text.replace(/-/g, " "))
      ? ORDINALS[text.replace(/-/g, " ")]
      : undefined;
  return day !== undefined && day >= 1 && day <= 31 ? day : undefined;
}
