// Payloads as a JSON column keeps them: bigints become decimal strings, undefined disappears.

/**
 * A JSON-safe deep copy of `payload`, so the in-memory store hands back what the database
 * would: `{ amount: 1500n, note: undefined }` becomes `{ amount: "1500" }`.
 */
export function toJsonPayload(payload: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const text = JSON.stringify(payload, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  return JSON.parse(text ?? "{}") as Record<string, unknown>;
}
