// The row order both stores give lists sorted by a text key: key first, then id.

/** Ascending by a text key, then by id: the order `ORDER BY key, id` gives. */
export function byKeyThenId<T extends { readonly id: string }>(keyOf: (row: T) => string) {
  return (a: T, b: T): number => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka !== kb) return ka < kb ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}
