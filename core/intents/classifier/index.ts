// Public API of classifier: training the shipped intent model from labelled messages.
export { type LabelledText, serialiseModel, trainIntentModel } from "./train-intent-model.ts";
