/**
 * `make` remembered per key, for pure functions of a key seen again and again (a parsed key, a
 * compiled pattern): at most `capacity` results kept; when full, all are dropped and remembering
 * starts over (no per-entry bookkeeping on the hit path).
 * @throws RangeError unless `capacity` is a positive integer.
 */
export function memoised<K, V>(make: (key: K) => V, capacity: number): (key: K) => V {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`memoised needs a positive capacity (got ${capacity})`);
  const results = new Map<K, V>();
  return (key) => {
    let value = results.get(key);
    if (value === undefined && !results.has(key)) {
      value = make(key);
      if (results.size >= capacity) results.clear();
      results.set(key, value);
    }
    return value as V;
  };
}
