// Consent per channel and the choice of channel: SMS needs an opt-in for the current number,
// email only honours opt-outs, the borrower's order wins among the usable channels.
import { describe, expect, it } from "vitest";
import {
  type ChannelState,
  channelStates,
  emailConsent,
  pickChannel,
  smsConsent,
} from "../../../core/channels/index.ts";
import type { ConsentEvent, ConsentEventKind } from "../../../core/ports/contact-points.ts";
import type { Channel } from "../../../core/ports/identities.ts";

const PHONE = "+447700900123";
const NEW_PHONE = "+447700900999";
let n = 0;

function event(
  channel: Channel,
  kind: ConsentEventKind,
  extra: Partial<ConsentEvent> = {},
): ConsentEvent {
  n += 1;
  return {
    id: `e${n}`,
    borrowerId: "b1",
    channel,
    kind,
    source: "test",
    at: `2026-03-01T10:00:${String(n % 60).padStart(2, "0")}.000Z`,
    ...extra,
  };
}

describe("SMS consent", () => {
  it("Should need a recorded opt-in before any automated text", () => {
    expect(smsConsent([], PHONE)).toBe("not_given");
    expect(smsConsent([event("sms", "opt_in", { address: PHONE })], PHONE)).toBe("granted");
    expect(smsConsent([event("sms", "opt_in")], undefined)).toBe("no_address");
  });

  it("Should lose consent when the phone number changes, until given again", () => {
    const optIn = event("sms", "opt_in", { address: PHONE });
    expect(smsConsent([optIn], NEW_PHONE)).toBe("not_given");
    const changed = event("sms", "address_changed", { address: NEW_PHONE });
    expect(smsConsent([optIn, changed], PHONE)).toBe("not_given");
    const again = event("sms", "opt_in", { address: NEW_PHONE });
    expect(smsConsent([optIn, changed, again], NEW_PHONE)).toBe("granted");
  });

  it("Should hold STOP until START, whatever other channels say", () => {
    const events = [
      event("sms", "opt_in", { address: PHONE }),
      event("sms", "opt_out", { source: "sms:STOP" }),
      event("email", "opt_in"),
    ];
    expect(smsConsent(events, PHONE)).toBe("opted_out");
    expect(smsConsent([...events, event("sms", "opt_in", { address: PHONE })], PHONE)).toBe(
      "granted",
    );
  });
});

describe("email consent", () => {
  it("Should need no opt-in and honour an unsubscribe until the next opt-in", () => {
    expect(emailConsent([], "mei@example.com")).toBe("granted");
    const out = event("email", "opt_out", { source: "email:unsubscribe" });
    expect(emailConsent([out], "mei@example.com")).toBe("opted_out");
    expect(emailConsent([out, event("email", "opt_in")], "mei@example.com")).toBe("granted");
    expect(emailConsent([], undefined)).toBe("no_address");
  });
});

describe("channel states and choice", () => {
  const usable = (states: ChannelState[]) =>
    new Set(states.filter((s) => s.status === "usable").map((s) => s.channel));
  const optedOut = (states: ChannelState[]) =>
    new Set(states.filter((s) => s.status === "opted_out").map((s) => s.channel));

  it("Should send to the preferred channel, then the fallbacks, skipping the opted-out one", () => {
    const configured: Channel[] = ["telegram", "sms", "email"];
    const facts = {
      phone: PHONE,
      email: "mei@example.com",
      telegramChatId: "42",
      events: [event("sms", "opt_in", { address: PHONE })],
      optedOut: ["sms"] as Channel[],
      unreachable: [],
    };
    const states = channelStates(facts, configured);
    expect(states.map((s) => s.status)).toEqual(["usable", "opted_out", "usable"]);
    const choice = (preferred: Channel, fallbackOrder: Channel[]) =>
      pickChannel({
        configured,
        preferred,
        fallbackOrder,
        usable: usable(states),
        optedOut: optedOut(states),
      });
    expect(choice("sms", ["email", "telegram"])).toBe("email");
    expect(choice("telegram", [])).toBe("telegram");
  });

  it("Should name the opted-out channel when nothing else can reach the borrower", () => {
    const states = channelStates({ phone: PHONE, events: [], optedOut: ["sms"], unreachable: [] }, [
      "telegram",
      "sms",
      "console",
    ]);
    expect(states.map((s) => s.status)).toEqual(["no_address", "opted_out", "no_address"]);
    const pick = pickChannel({
      configured: ["telegram", "sms", "console"],
      usable: usable(states),
      optedOut: optedOut(states),
    });
    expect(pick).toBe("sms");
  });

  it("Should use the console only for a borrower with no other address", () => {
    const none = channelStates({ events: [], optedOut: [], unreachable: [] }, [
      "telegram",
      "console",
    ]);
    expect(none.map((s) => s.status)).toEqual(["no_address", "usable"]);
    const linked = channelStates(
      { telegramChatId: "42", events: [], optedOut: ["telegram"], unreachable: [] },
      ["telegram", "console"],
    );
    expect(linked.map((s) => s.status)).toEqual(["opted_out", "no_address"]);
  });

  it("Should leave an SMS-only borrower without consent unreachable", () => {
    const states = channelStates({ phone: PHONE, events: [], optedOut: [], unreachable: [] }, [
      "sms",
    ]);
    expect(states).toEqual([{ channel: "sms", status: "not_given", address: PHONE }]);
    expect(pickChannel({ configured: ["sms"], usable: usable(states), optedOut: new Set() })).toBe(
      undefined,
    );
  });
});
