// Masks personal data for agent-facing cards: phone numbers, chat ids and long digit runs in text.

const ONE_DIGIT = new Set(["1", "7"]);
const TWO_DIGIT = /^(2[07]|3[0-469]|4[013-9]|5[1-8]|6[0-6]|8[1246]|9[0-58])/;

/** "+12125550101" -> "+1 •••• •••0101": the country code and last four digits only. */
export function maskPhone(phone: string | undefined): string {
  if (!phone) return "—";
  const digits = phone.replace(/\D/g, "");
  if (digits.length < 6) return "••••";
  const ccLength = ONE_DIGIT.has(digits[0] ?? "") ? 1 : TWO_DIGIT.test(digits) ? 2 : 3;
  return `+${digits.slice(0, ccLength)} •••• •••${digits.slice(-4)}`;
}

/** "123456789" -> "•••6789". */
export function maskId(id: string): string {
  return id.length <= 4 ? "••••" : `•••${id.slice(-4)}`;
}

/** Hides runs of 6+ digits in free text (phone, card or account numbers), keeping the last 4. */
export function maskDigits(text: string): string {
  return text.replace(/\+?\d[\d\s-]{4,}\d/g, (run) => {
    const digits = run.replace(/\D/g, "");
    return digits.length < 6 ? run : `•••${digits.slice(-4)}`;
  });
}
