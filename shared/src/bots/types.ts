/**
 * The contract between AI delegations and their hosts (the server room, the simulator, tests).
 *
 * A bot is a pure function of what its seat may see: `decide(publicScenario, view, options)` gets
 * exactly `viewFor(state, itsSeat)` (no back door to other delegations' data) and returns the next
 * event it wants to send — through the same path as a human's message — with an in-character
 * reason in English and Ukrainian, or null when it has nothing to do now. It keeps no hidden
 * memory: anything it learns (its opponent model) is rebuilt from the view's history, so a bot
 * survives a server restart and the same seed and view always give the same decision.
 * Pacing (a human-like delay before acting) is the host's job.
 */
import type { EngineEvent } from '../engine/types.ts';
import type { SeatView } from '../engine/view.ts';
import type { PublicScenario } from '../scenario/public.ts';
import type { DelegationId, Localized } from '../scenario/schema.ts';

export const BOT_LEVELS = ['novice', 'standard', 'expert'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** An engine event without the actor and time, which the host adds (as for a human's message). */
export type BotAction = EngineEvent extends infer E ? (E extends EngineEvent ? Omit<E, 'actor' | 'at'> : never) : never;

export interface BotDecision {
  action: BotAction;
  /** Why, in character, for students to read (e.g. "Russia rejects: no formal commitment on NATO"). */
  reason: Localized;
}

export interface BotOptions {
  delegation: DelegationId;
  level: BotLevel;
  /** The game's seed (or any integer): bots are deterministic for a given seed and view. */
  seed: number;
}

/**
 * The scenario a bot gets is the public one (publicScenario in scenario/public.ts): with the view's
 * own private content, that is all it may know.
 */
export type DecideFn = (scenario: PublicScenario, view: SeatView, options: BotOptions) => BotDecision | null;
