/**
 * How much a delegation is believed to like each clause: tanh of the belief (offerContext.ts sums
 * and compares these). Both steps are remembered.
 */
import type { ClauseBeliefs } from './model.ts';

/**
 * Math.tanh, remembered. The bots squash every belief with tanh at every offer decision (thousands
 * of calls a game), and a tanh costs tens of nanoseconds; yet the beliefs take few distinct values
 * (stances plus recency-weighted steps), so nearly every call has been answered before. A small
 * direct-mapped table on the value's bits answers those; a collision only costs a recomputation.
 * Pure memoisation: an entry answers only for the exact value it holds.
 */
const BITS = 12;
const KEYS = new Float64Array(1 << BITS).fill(Number.NaN);
const VALUES = new Float64Array(1 << BITS);
const BOX = new Float64Array(1);
const WORDS = new Int32Array(BOX.buffer);

export function cachedTanh(x: number): number {
  BOX[0] = x;
  const slot = Math.imul((WORDS[0] as number) ^ (WORDS[1] as number), 0x9e3779b1) >>> (32 - BITS);
  // +0 and −0 compare equal but have different tanh: the caller maps both to 0 before calling.
  if (KEYS[slot] === x) return VALUES[slot] as number;
  const y = Math.tanh(x);
  KEYS[slot] = x;
  VALUES[slot] = y;
  return y;
}

/**
 * The liking a model stands for (tanh of each belief), kept per delegation with the model it was
 * made from. Models are never changed once made (opponentModels hands the same array out again
 * while the history it read is the same), so the same array means the same liking.
 */
const LIKES: Array<{ beliefs: ClauseBeliefs; likes: number[] } | undefined> = [];
export function likesFor(d: number, beliefs: ClauseBeliefs): number[] {
  const last = LIKES[d];
  if (last !== undefined && last.beliefs === beliefs) return last.likes;
  const likes: number[] = [];
  for (let k = 0; k < beliefs.length; k += 1) {
    const belief = beliefs[k] as number;
    likes.push(belief === 0 ? 0 : cachedTanh(belief));
  }
  LIKES[d] = { beliefs, likes };
  return likes;
}
