/**
 * Copies of the seats record with one seat or every seat changed. Written out as literals in
 * DELEGATION_IDS order (the order initialContext creates them in, so JSON is unchanged): a spread
 * with a computed key, or Object.fromEntries, costs several times more, on most steps.
 */
import type { DelegationId } from '../scenario/ids.ts';
import type { SeatState } from './types.ts';

type Seats = Record<DelegationId, SeatState>;

export function withSeat(seats: Seats, who: DelegationId, seat: SeatState): Seats {
  return {
    ukraine: who === 'ukraine' ? seat : seats.ukraine,
    russia: who === 'russia' ? seat : seats.russia,
    us: who === 'us' ? seat : seats.us,
    europe: who === 'europe' ? seat : seats.europe,
  };
}

/** Every seat not ready (a seat already not ready is kept as it is: contexts are never mutated). */
export function noneReady(seats: Seats): Seats {
  const { ukraine, russia, us, europe } = seats;
  if (!ukraine.ready && !russia.ready && !us.ready && !europe.ready) return seats;
  return {
    ukraine: ukraine.ready ? { ...ukraine, ready: false } : ukraine,
    russia: russia.ready ? { ...russia, ready: false } : russia,
    us: us.ready ? { ...us, ready: false } : us,
    europe: europe.ready ? { ...europe, ready: false } : europe,
  };
}
