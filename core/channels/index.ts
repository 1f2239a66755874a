// Public API of channels: consent per channel and the choice of channel for a nudge.
export { type ChannelChoiceInput, channelOrder, pickChannel } from "./channel-order.ts";
export {
  ALL_CHANNELS,
  type ChannelState,
  type ChannelStatus,
  type ContactFacts,
  channelStates,
} from "./channel-states.ts";
export {
  type ConsentStatus,
  type ContactAddresses,
  consentStatus,
  emailConsent,
  smsConsent,
} from "./consent-state.ts";
export { recordConsent } from "./record-consent.ts";
