/**
 * Get-or-make for the caches the pure modules keep of things derived from content (a scenario's
 * agenda, a delegation's red lines, a proposal): the value for `key`, made by `make` the first time.
 */
export function memo<K, V>(
  cache: { get(key: K): V | undefined; set(key: K, value: V): unknown },
  key: K,
  make: () => V,
): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/**
 * Get-or-make for a value derived from two objects, kept on the more specific one (`key`: a
 * condition, a delegation's red lines) and checked against the other (`context`: the agenda it is
 * compiled against): one lookup instead of a map of maps, on paths that look things up at every
 * decision. A key met with another context is made again for it.
 */
export function memoWith<K extends object, C, V>(
  cache: WeakMap<K, { context: C; value: V }>,
  key: K,
  context: C,
  make: () => V,
): V {
  const entry = cache.get(key);
  if (entry !== undefined && entry.context === context) return entry.value;
  const value = make();
  cache.set(key, { context, value });
  return value;
}
