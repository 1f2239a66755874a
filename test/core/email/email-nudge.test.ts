// A nudge as an email: the words of the nudge, an opt-out line and the link, nothing turned into markup.
import { describe, expect, it } from "vitest";
import { composeEmailNudge, emailNudgeText } from "../../../core/email/index.ts";
import { emailTemplates } from "../../../prompts/index.ts";

const URL = "https://repay.example.com/email/unsubscribe?token=u1.a.b";

describe("email nudge", () => {
  it("Should swap the chat opt-out line for the email one", () => {
    const text = emailNudgeText(
      "Hi Ann, $10.00 is due.\nReply STOP to stop these reminders.",
      emailTemplates.en,
    );
    expect(text).toBe("Hi Ann, $10.00 is due.\nYou can stop these reminder emails at any time.");
  });

  it("Should escape names in the HTML part and keep them as written in the text part", () => {
    const email = composeEmailNudge({
      text: "Hi <b>Ann & Co</b>, $10.00 is due.",
      locale: "en",
      lenderName: "Acme <Credit>",
      templates: emailTemplates.en,
      unsubscribeUrl: URL,
    });
    expect(email.subject).toBe("Acme <Credit>: about your loan");
    expect(email.text).toContain("Hi <b>Ann & Co</b>, $10.00 is due.");
    expect(email.html).toContain("<p>Hi &lt;b&gt;Ann &amp; Co&lt;/b&gt;, $10.00 is due.</p>");
    expect(email.html).not.toContain("<b>");
  });

  it("Should add the opt-out line and the unsubscribe link even when the text lost its opt-out line", () => {
    const email = composeEmailNudge({
      text: "Hi Ann, $10.00 is due.",
      locale: "en",
      lenderName: "Acme",
      templates: emailTemplates.en,
      unsubscribeUrl: URL,
    });
    expect(email.text).toContain(
      `You can stop these reminder emails at any time.\n\nUnsubscribe: ${URL}`,
    );
    expect(email.html).toContain(
      `<p>You can stop these reminder emails at any time. <a href="${URL}">Unsubscribe</a></p>`,
    );
  });
});
