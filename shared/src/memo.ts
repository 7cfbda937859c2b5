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
