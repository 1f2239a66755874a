// Instants between core (UTC ISO text) and timestamptz columns (Date).
import { toInstant } from "../../core/store/index.ts";

/** Validates and converts: INVALID_INSTANT for text that is not an instant. */
export function dbInstant(text: string, field: string): Date {
  return new Date(toInstant(text, field));
}

export function isoInstant(date: Date): string {
  return date.toISOString();
}
