// Public API of waivers: the per-currency cap and the decision an agent's waiver gets.
export {
  decideWaiver,
  type WaivedComponent,
  type WaiverDecision,
  type WaiverRefusal,
  type WaiverRequest,
} from "./decide-waiver.ts";
export { defaultWaiverCap, parseWaiverCaps, type WaiverCaps, waiverCap } from "./waiver-caps.ts";
