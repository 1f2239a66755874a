// Reads Chinese numerals as borrowers write them: 十五, 二十一, 三百, 一千二 (1200), 两万五 (25000).

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** A character class matching the numeral characters, for building patterns. */
export const CHINESE_NUMERAL = "[零〇一二两三四五六七八九十百千万]";

/** The value of a Chinese numeral, or undefined if `text` is not one. */
export function parseChineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千万]{1,12}$/u.test(text)) return undefined;
  const chars = Array.from(text);
  if (chars.every((char) => DIGITS[char] !== undefined)) {
    return Number(chars.map((char) => DIGITS[char]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = 1;
  let zeroSinceUnit = false;
  for (const char of chars) {
    const value = DIGITS[char];
    if (value === 0) {
      zeroSinceUnit = true;
      digit = undefined;
    } else if (value !== undefined) {
      if (digit !== undefined) return undefined;
      digit = value;
    } else if (char === "万") {
      total += (section + (digit ?? 0)) * 10_000;
      if (total === 0) total = 10_000;
      section = 0;
      digit = undefined;
      lastUnit = 10_000;
      zeroSinceUnit = false;
    } else {
      const unit = UNITS[char]!;
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastUnit = unit;
      zeroSinceUnit = false;
    }
  }
  if (digit !== undefined) {
    // 一千二 is 1200 and 三百五 is 350: a trailing digit counts in the next unit down.
    section += lastUnit >= 100 && !zeroSinceUnit ? (digit * lastUnit) / 10 : digit;
  }
  return total + section;
}

/** A number written in ASCII digits or Chinese numerals. */
export function parseNumber(text: string): number | undefined {
  if (/^\d{1,9}$/.test(text)) return Number(text);
  return parseChineseNumber(text);
}
