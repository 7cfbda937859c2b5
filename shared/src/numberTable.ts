/**
 * A table of small non-negative counts (below 2^15) by non-negative integer key below 2^53: the
 * memo of a search that tries tens of thousands of numbered packages (engine/frontier.ts).
 */

/**
 * Flat typed arrays with open addressing: in a Map each lookup boxed its key as a heap number, and
 * the table grew far larger than the CPU's caches.
 */
export class NumberTable {
  /** key + 1 per slot (0 = empty: keys are never negative), so a fresh table needs no filling. */
  private keys: Float64Array;
  private values: Int16Array;
  private size = 0;

  /** `capacity`: a power of two; the table doubles when half full. */
  constructor(capacity = 1 << 10) {
    this.keys = new Float64Array(capacity);
    this.values = new Int16Array(capacity);
  }

  /** The count stored for the key, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    const stored = key + 1;
    for (let slot = hashOf(key) & mask; ; slot = (slot + 1) & mask) {
      const k = this.keys[slot] as number;
      if (k === stored) return this.values[slot] as number;
      if (k === 0) return -1;
    }
  }

  set(key: number, value: number): void {
    if (2 * (this.size + 1) > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    const stored = key + 1;
    let slot = hashOf(key) & mask;
    while (this.keys[slot] !== 0 && this.keys[slot] !== stored) slot = (slot + 1) & mask;
    if (this.keys[slot] === 0) this.size += 1;
    this.keys[slot] = stored;
    this.values[slot] = value;
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int16Array(keys.length * 2);
    this.size = 0;
    for (let slot = 0; slot < keys.length; slot += 1) {
      if (keys[slot] !== 0) this.set((keys[slot] as number) - 1, values[slot] as number);
    }
  }
}

/** Mixes both 32-bit halves of an integer below 2^53 (choice keys differ mostly in their low digits). */
function hashOf(key: number): number {
  const low = key | 0; // ToInt32: the key modulo 2^32
  const high = (key / 4294967296) | 0;
  return Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) ^ (low >>> 15);
}
