/** The remembered tanh (src/bots/liking.ts) answers exactly what Math.tanh does, however values collide in its table. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedTanh } from '../../src/bots/liking.ts';

describe('cachedTanh', () => {
  it('is Math.tanh, bit for bit, for fresh and repeated values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.double({ noNaN: true }).filter((x) => x !== 0),
          { maxLength: 50 },
        ),
        (xs) => {
          for (const x of [...xs, ...xs.reverse()]) expect(Object.is(cachedTanh(x), Math.tanh(x))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps telling apart values that share a table slot', () => {
    // Far more values than slots: most of them evict one another.
    for (let round = 0; round < 2; round += 1)
      for (let k = 1; k < 20_000; k += 1) expect(cachedTanh(k / 997 - 10)).toBe(Math.tanh(k / 997 - 10));
  });
});
