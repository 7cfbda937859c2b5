/**
 * Deep freezing for tests: contexts and views are read-only by contract, and a frozen one makes an
 * in-place change throw (modules run in strict mode) instead of silently corrupting another view or
 * a later step of the game.
 */

/** Freeze `value` and everything reachable from it; `done` skips what an earlier call already froze. */
export function deepFreeze<T>(value: T, done: WeakSet<object> = new WeakSet()): T {
  if (typeof value !== 'object' || value === null || done.has(value)) return value;
  done.add(value);
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], done);
  Object.freeze(value);
  return value;
}
