// Intent understanding: what a borrower's message asks for, with its date and amount.
export { isInstant, isTimeZone, localToday } from "./context.ts";
export { detectLanguage } from "./language.ts";
export { isLearnTopic, LEARN_TOPICS, type LearnTopic, learnTopic } from "./learn-topics.ts";
export { MAX_ANALYSED_LENGTH } from "./normalise.ts";
export {
  type Alternative,
  type Entities,
  INTENT_NAMES,
  type IntentContext,
  type IntentName,
  isIntentName,
  isLanguage,
  LANGUAGES,
  type Language,
  type Understanding,
} from "./types.ts";
export { understand } from "./understand.ts";
