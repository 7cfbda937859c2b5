/**
 * Remembers how this browser takes part in sessions, so a reload or a dropped connection brings
 * the player back to the same seat without asking anything.
 *
 * - Keys (seat keys, facilitator keys) are kept per join code in localStorage: they survive closing
 *   the browser, and the Home screen offers to rejoin them.
 * - Which session *this tab* is in is kept in sessionStorage: a reload of the tab rejoins at once,
 *   while a second tab (say, a teacher trying the student view) starts at Home instead of stealing
 *   the first tab's seat.
 * Storage is injected so the logic is tested without a browser.
 */
import type { Role } from '@peace-table/shared/protocol';
import type { DelegationId } from '@peace-table/shared/scenario/schema';
import type { SessionLink } from './joinCode.ts';
import type { StatusCause } from './status.ts';

export interface SavedSeat {
  code: string;
  role: Role;
  /** The scenario the session plays (to fetch its public data before the first view arrives). */
  scenarioId?: string;
  delegation?: DelegationId;
  name?: string;
  seatKey?: string;
  facilitatorKey?: string;
  savedAt: number;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SEATS_KEY = 'peace-table.seats';
export const CURRENT_KEY = 'peace-table.current';
/** Seats older than this are forgotten: a session from last week is over. */
export const SEAT_TTL_MS = 24 * 3600_000;

function readAll(storage: StorageLike | null): Record<string, SavedSeat> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(SEATS_KEY) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, SavedSeat>) : {};
  } catch {
    return {}; // a corrupted entry must not stop the app from starting
  }
}

export interface SeatStore {
  save(seat: Omit<SavedSeat, 'savedAt'>): SavedSeat;
  get(code: string): SavedSeat | null;
  forget(code: string): void;
  /** Saved seats still fresh, newest first. */
  list(): SavedSeat[];
  /** The session this tab was in before a reload, if its seat is still saved. */
  current(): SavedSeat | null;
  setCurrent(code: string | null): void;
}

export function createSeatStore(
  local: StorageLike | null,
  tab: StorageLike | null,
  now: () => number = Date.now,
): SeatStore {
  const fresh = (seat: SavedSeat) => now() - seat.savedAt < SEAT_TTL_MS;
  const write = (all: Record<string, SavedSeat>) => {
    try {
      local?.setItem(SEATS_KEY, JSON.stringify(all));
    } catch {
      // Private browsing or a full quota: the game still works, only without automatic rejoin.
    }
  };
  const store: SeatStore = {
    save(seat) {
      const all = readAll(local);
      const previous = all[seat.code];
      const saved: SavedSeat = { ...previous, ...seat, savedAt: now() };
      // Keep only fresh seats so the list does not grow forever.
      const kept = Object.fromEntries(Object.entries(all).filter(([, s]) => fresh(s)));
      write({ ...kept, [seat.code]: saved });
      return saved;
    },
    get(code) {
      const seat = readAll(local)[code];
      return seat && fresh(seat) ? seat : null;
    },
    forget(code) {
      const all = readAll(local);
      delete all[code];
      write(all);
      if (tab?.getItem(CURRENT_KEY) === code) tab.removeItem(CURRENT_KEY);
    },
    list() {
      return Object.values(readAll(local))
        .filter(fresh)
        .sort((a, b) => b.savedAt - a.savedAt);
    },
    current() {
      const code = tab?.getItem(CURRENT_KEY);
      return code ? store.get(code) : null;
    },
    setCurrent(code) {
      if (code === null) tab?.removeItem(CURRENT_KEY);
      else tab?.setItem(CURRENT_KEY, code);
    },
  };
  return store;
}

/** Join options that reclaim a saved seat, or null when the saved entry lacks its key. */
export function rejoinOptions(seat: SavedSeat, protocol: number) {
  if (seat.role === 'delegate' && seat.seatKey) {
    return { protocol, code: seat.code, role: 'delegate' as const, seatKey: seat.seatKey };
  }
  if (seat.role === 'facilitator' && seat.facilitatorKey) {
    return { protocol, code: seat.code, role: 'facilitator' as const, facilitatorKey: seat.facilitatorKey };
  }
  if (seat.role === 'spectator') return { protocol, code: seat.code, role: 'spectator' as const };
  return null;
}

/** Refusals after which a saved seat can never be used again. */
const GONE_SEAT_REASONS = new Set(['seatKeyInvalid', 'facilitatorKeyInvalid', 'sessionEnded']);

/**
 * Whether a session ended for this tab in a way that makes its saved seat useless: the facilitator
 * removed the player (the key stops working), or the server refused the key or says the session is
 * over. The seat is then forgotten, so a reload does not try it and Home does not offer it again.
 * Another window taking the seat over (`seat.replaced`) keeps it: the key still works there.
 */
export function seatIsGone(cause: Pick<StatusCause, 'refusal' | 'notice'>): boolean {
  if (cause.notice) return cause.notice.code === 'kicked';
  return cause.refusal !== undefined && GONE_SEAT_REASONS.has(cause.refusal.reason);
}

/**
 * What a page load takes back. Without a link: the seat this tab held before a reload. With one,
 * the link decides: a join link opens the session it names (this browser's seat there, if it holds
 * one; otherwise the join form), never another session this tab was in before; a projector link
 * (?watch=CODE) watches its session, resuming only a spectator seat of that same session.
 * `watch` is set when the link asks to watch a session this tab does not hold as a spectator.
 */
export function seatOnLoad(
  seats: Pick<SeatStore, 'current' | 'get'>,
  link: SessionLink | null,
): { resume: SavedSeat | null; watch: string | null } {
  const current = seats.current();
  if (!link) return { resume: current, watch: null };
  if (link.role === 'spectator') {
    const held = current?.code === link.code && current.role === 'spectator';
    return held ? { resume: current, watch: null } : { resume: null, watch: link.code };
  }
  if (current?.code === link.code) return { resume: current, watch: null };
  const saved = seats.get(link.code);
  return { resume: saved?.role === 'spectator' ? null : saved, watch: null };
}

/** A solo player: a delegate who also holds the session's facilitator key (they opened it against the computer). */
export function playsSolo(seat: SavedSeat | null): boolean {
  return seat?.role === 'delegate' && seat.facilitatorKey !== undefined;
}
