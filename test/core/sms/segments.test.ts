// SMS sizing: GSM-7 160/153, its extension characters count twice, anything else UCS-2 70/67.
import { describe, expect, it } from "vitest";
import { smsSize } from "../../../core/sms/segments.ts";

describe("SMS segments", () => {
  it("Should fit 160 GSM-7 characters in one segment and 161 in two of 153", () => {
    expect(smsSize("a".repeat(160))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSize("a".repeat(161)).segments).toBe(2);
    expect(smsSize("a".repeat(306)).segments).toBe(2);
    expect(smsSize("a".repeat(307)).segments).toBe(3);
  });

  it("Should count the extension characters (€, braces, ...) as two septets", () => {
    expect(smsSize("€".repeat(80))).toEqual({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSize(`${"€".repeat(80)}a`).segments).toBe(2);
  });

  it("Should send Chinese as UCS-2: 70 in one segment, 67 a part after", () => {
    expect(smsSize("还".repeat(70))).toEqual({ encoding: "UCS-2", units: 70, segments: 1 });
    expect(smsSize("还".repeat(71)).segments).toBe(2);
    expect(smsSize("还".repeat(201)).segments).toBe(3);
    expect(smsSize("还".repeat(202)).segments).toBe(4);
  });

  it("Should turn a whole English text into UCS-2 for one curly quote", () => {
    expect(smsSize("You’re due").encoding).toBe("UCS-2");
  });
});
