/**
 * Lever cooldowns, in one place: a lever used in round r may be used again from round
 * r + 1 + its cooldown (a cooldown of 0: every round). The engine records that round in the
 * owner's seat (apply.ts) and refuses an early pull (rules.ts); a bot skips a lever still cooling
 * down, and the client's Levers screen says from when it can be pulled again. Free of zod.
 */
import type { Lever } from '../scenario/schema.ts';

/** The round from which a lever used in `round` may be used again. */
export function usableAgainFrom(lever: Pick<Lever, 'cooldown'>, round: number): number {
  return round + 1 + lever.cooldown;
}

/**
 * While a lever cools down, the round from which it may be used again; null when it may be used
 * now. `cooldowns` is the owner's record (lever id → that round), as its seat or its view holds it.
 */
export function coolingUntil(cooldowns: Readonly<Record<string, number>>, lever: string, round: number): number | null {
  const from = cooldowns[lever] ?? 0;
  return from > round ? from : null;
}
