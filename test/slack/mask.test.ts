// Masking in Slack cards: phone numbers and long digit runs.
import { describe, expect, it } from "vitest";
import { maskDigits, maskPhone } from "../../bots/slack/mask.ts";
import { maskEmail } from "../../core/text/mask-email.ts";

describe("masking", () => {
  it("Should keep only the country code and last four digits of a phone", () => {
    expect(maskPhone("+12125550101")).toBe("+1 •••• •••0101");
    expect(maskPhone("+8613800138000")).toBe("+86 •••• •••8000");
    expect(maskPhone("+447700900123")).toBe("+44 •••• •••0123");
    expect(maskPhone(undefined)).toBe("—");
  });

  it("Should keep only the first letter and the domain of an email address", () => {
    expect(maskEmail("dana.reyes@mail.example")).toBe("d•••@mail.example");
    expect(maskEmail("@mail.example")).toBe("•••");
    expect(maskEmail(undefined)).toBe("—");
  });

  it("Should hide long digit runs in free text", () => {
    expect(maskDigits("call me on +1 212 555 0101 or card 4111111111111111")).toBe(
      "call me on •••0101 or card •••1111",
    );
    expect(maskDigits("I'll pay 200 on Friday")).toBe("I'll pay 200 on Friday");
  });
});
