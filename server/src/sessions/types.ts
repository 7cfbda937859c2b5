/**
 * What the server keeps about a session besides the game itself: how it was set up (config) and
 * who sits where (roster). Both are plain JSON, stored in the sessions table and restored on boot.
 */
import type { BotLevel } from '@peace-table/shared/bots/types';
import type { PersistedGame } from '@peace-table/shared/engine/game';
import type { GameInput } from '@peace-table/shared/engine/types';
import type { SeatControl, SeatKind } from '@peace-table/shared/protocol';
import type { DelegationId } from '@peace-table/shared/scenario/schema';

export interface SessionConfig {
  code: string;
  scenarioId: string;
  seats: Record<DelegationId, SeatKind>;
  botLevel: BotLevel;
  /** People who may share one delegation. */
  teamSize: number;
  reconnectSeconds: number;
  botDelayMs: number;
  maxSpectators: number;
  facilitatorKeyHash: string;
  /** The engine's start input: seed, creation time, phase timers, round limit. */
  input: GameInput;
  /**
   * Set when the session plays on from a moment of another one (the debrief's "play on from
   * here"): the game it starts from, instead of a new game from `input`, and where it came from.
   */
  start?: PersistedGame;
  origin?: { code: string; step: number };
}

/**
 * A human with a seat. Kicked members are removed, which revokes their key. Members who left on
 * purpose stay on record (for the transcript) with `leftAt` and no key: their place is free.
 */
export interface Member {
  id: string;
  name: string;
  delegation: DelegationId;
  keyHash: string;
  joinedAt: number;
  leftAt?: number;
}

export interface SeatControlState {
  control: SeatControl;
  /** Set at creation (a 'bot' seat) or by the facilitator: returning humans do not take it back by themselves. */
  pinned: boolean;
}

export interface RosterData {
  members: Member[];
  seats: Record<DelegationId, SeatControlState>;
}

export type SessionStatus = 'open' | 'concluded' | 'abandoned';
