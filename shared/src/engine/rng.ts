/**
 * Seeded random numbers kept in the machine's context (mulberry32): the state is one uint32, so a
 * persisted snapshot carries it and a restored game draws the same numbers as the original.
 */

/** Returns [a number in [0, 1), the next state]. Pure: the caller stores the new state. */
export function nextRandom(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** Spread a user-facing seed (any integer) into a well-mixed initial state. */
export function seedState(seed: number): number {
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
