/** Append to the list under `key`, creating it on first use. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The first index in [0, n) for which `before(i)` is false, for a `before` that is true for a prefix of
 * the range and false after it (binary search over any sorted list).
 */
export function firstNotBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `firstNotBefore` for questions asked in ascending order (positions of matches, which come so): a cursor
 * that only steps forward, so a run of questions costs the list once, not a binary search each. `before(i,
 * at)` must be true for a prefix of [0, n) that only grows as `at` does. An earlier `at` starts it over.
 */
export function forwardCursor(n: number, before: (i: number, at: number) => boolean): (at: number) => number {
  let i = 0;
  let last = -Infinity;
  return (at) => {
    if (at < last) i = 0;
    last = at;
    while (i < n && before(i, at)) i++;
    return i;
  };
}
