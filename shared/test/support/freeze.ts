/**
 * Deep-freezes what the engine hands back, so an in-place change anywhere in shared code fails
 * loudly (a TypeError in strict mode) instead of silently corrupting another game's view, a bot's
 * memory or the transcript. The engine's tests freeze every context they step through.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}
