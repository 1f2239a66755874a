// What the batch reads share: ids without repeats, and rows grouped under the id they belong to.

/** `ids` once each, first appearance first. */
export function distinctIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/**
 * `rows` grouped under each of `ids`, in the order the rows come: every id gets an entry, empty
 * when no row names it, so a batch read answers for each id what the single read would.
 */
export function groupById<T>(
  ids: readonly string[],
  rows: readonly T[],
  idOf: (row: T) => string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>(distinctIds(ids).map((id) => [id, []]));
  for (const row of rows) groups.get(idOf(row))?.push(row);
  return groups;
}
