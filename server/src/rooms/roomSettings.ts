/**
 * What the server gives every negotiation room (`defineRoom(NegotiationRoom, settings)`).
 * Colyseus merges a client's create options underneath these, so a client can never replace them.
 */
import type { CreateBot } from '@peace-table/shared/bots/types';
import type { Scenario } from '@peace-table/shared/scenario/schema';
import type { Logger } from 'pino';
import type { ScenarioSource } from '../sessions/scenarios.ts';
import type { SessionStore } from '../store/sessionStore.ts';
import type { RateLimit } from './rateLimit.ts';
import type { SeatViews } from './views.ts';

export interface NegotiationRoomSettings {
  logger: Logger;
  store: SessionStore;
  scenarios: ScenarioSource;
  /** The computer players; null on a server without bots (bot seats are then refused at creation). */
  createBot: CreateBot | null;
  /** This server's name in the sessions table: it restores only its own sessions after a restart. */
  node: string;
  /** Messages handled per client (`rate_limited` past it). */
  rateLimit: RateLimit;
  /** Frames per client, any kind: past it the connection is closed (frameGuard.ts). */
  frameLimit: RateLimit;
  /**
   * Colyseus patch tick in ms (default 250). Accepted actions patch at once, so the tick only drives
   * the room clock (bot pacing, deadlines, reconnection windows: seconds, not milliseconds). At 20 Hz
   * 500 rooms ran 10,000 empty ticks a second, a sixth of the server's CPU in the benchmark.
   */
  patchRate: number;
  /** A session with nobody connected for this long is closed and marked abandoned. */
  idleMs: number;
  /** A session nobody joined within this long of its creation is closed and marked abandoned. */
  unjoinedMs: number;
  /** Where a room gets its seats' views: its own view cache of its game, made when it opens. */
  views: (scenario: Scenario) => SeatViews;
}
