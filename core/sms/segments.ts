// How many SMS segments a text takes: GSM-7 (160 / 153 a part) or UCS-2 (70 / 67) (pure).

/** The GSM 03.38 default alphabet; anything else sends the whole message as UCS-2. */
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
/** Characters of the extension table: an escape plus the character, two septets each. */
const GSM_EXTENDED = new Set("^{}\\[~]|€\f");

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSize {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly units: number;
  readonly segments: number;
}

export function smsEncoding(text: string): SmsEncoding {
  for (const char of text) if (!GSM_BASIC.has(char) && !GSM_EXTENDED.has(char)) return "UCS-2";
  return "GSM-7";
}

/**
 * The size of `text` as one SMS or a concatenated one (a user data header takes 7 septets or
 * 3 code units of every part).
 *
 * @example smsSize("Hi").segments // 1
 */
export function smsSize(text: string): SmsSize {
  const encoding = smsEncoding(text);
  let units = 0;
  if (encoding === "GSM-7") for (const char of text) units += GSM_EXTENDED.has(char) ? 2 : 1;
  else units = text.length;
  const [single, part] = encoding === "GSM-7" ? [160, 153] : [70, 67];
  const segments = units === 0 ? 1 : units <= single ? 1 : Math.ceil(units / part);
  return { encoding, units, segments };
}
