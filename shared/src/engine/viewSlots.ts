/**
 * Slots that let consecutive views share what did not change since the last view of the same kind
 * (view.ts): the public seats, a delegation's cooldowns, and the filtered lists of the context.
 * Everything kept here is frozen before it is handed out, and a slot is overwritten in place, so
 * nothing grows with the number of contexts viewed (no cache entry per event).
 */
import { DELEGATION_IDS, type DelegationId, type Scenario } from '../scenario/schema.ts';
import type { NegotiationContext } from './types.ts';
import type { SeatView } from './view.ts';

/**
 * The public side of the seats, for the seats record last viewed: seats change only when a seat is
 * ready, speaks or leaves, and every viewer sees the same, so most views share one frozen copy, and
 * a new record keeps the public copy of every seat it did not change (one seat changes at a time).
 * One slot, overwritten in place, rather than a cache entry per context.
 */
const LAST_SEATS = { source: null as NegotiationContext['seats'] | null, shown: {} as SeatView['seats'] };
export function publicSeats(seats: NegotiationContext['seats']): SeatView['seats'] {
  const last = LAST_SEATS.source;
  if (last !== seats) {
    // Plain loops rather than fromEntries: a game builds a view before every bot decision.
    const shown = {} as SeatView['seats'];
    for (const d of DELEGATION_IDS) {
      const seat = seats[d];
      if (last !== null && last[d] === seat) shown[d] = LAST_SEATS.shown[d];
      else shown[d] = Object.freeze({ ready: seat.ready, statement: seat.statement, walkedOut: seat.walkedOut });
    }
    LAST_SEATS.source = seats;
    LAST_SEATS.shown = Object.freeze(shown);
  }
  return LAST_SEATS.shown;
}

/** A delegation's cooldowns as last shown to it: they change only when it uses a lever (frozen, shared). */
const LAST_COOLDOWNS = new Map<DelegationId, { source: Record<string, number>; shown: Record<string, number> }>();
export function ownCooldowns(viewer: DelegationId, cooldowns: Record<string, number>): Record<string, number> {
  const last = LAST_COOLDOWNS.get(viewer);
  if (last?.source === cooldowns) return last.shown;
  const shown = Object.freeze({ ...cooldowns });
  if (last) {
    last.source = cooldowns;
    last.shown = shown;
  } else LAST_COOLDOWNS.set(viewer, { source: cooldowns, shown });
  return shown;
}

/**
 * What each kind of viewer was last shown of one of the context's lists (proposals, queued levers,
 * agreements, chat), kept while the context holds the same array: contexts never change, so the
 * same array (in the same scenario) shows the same to the same viewer. Views between steps that
 * leave a list alone (most steps touch one list at most) then share one frozen copy instead of each
 * filtering it again. One slot per kind of viewer, overwritten, as for the transcript.
 */
interface ShownList {
  scenario: Scenario;
  source: readonly unknown[];
  shown: readonly unknown[];
}
export const PROPOSALS = new Map<string, ShownList>();
export const QUEUED = new Map<string, ShownList>();
export const AGREEMENTS = new Map<string, ShownList>();
export const CHAT = new Map<string, ShownList>();

/**
 * A list as this kind of viewer (`key`) sees it: what it was last shown while the context holds the
 * same array in the same scenario, otherwise `make()`'s filtering, frozen and kept in the slot.
 */
export function shownList<T>(
  lists: Map<string, ShownList>,
  key: string,
  scenario: Scenario,
  source: readonly unknown[],
  make: () => T[],
): T[] {
  const last = lists.get(key);
  if (last !== undefined && last.source === source && last.scenario === scenario) return last.shown as T[];
  const shown = Object.freeze(make()) as T[];
  if (last === undefined) lists.set(key, { scenario, source, shown });
  else {
    last.scenario = scenario;
    last.source = source;
    last.shown = shown;
  }
  return shown;
}
