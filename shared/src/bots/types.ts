/**
 * The contract between AI delegations and their hosts (the server room, the simulator, tests).
 *
 * A host makes one bot per computer seat of a game, `createBot(publicRules, options)` (the public
 * scenario compiled by `compilePublicRules`, publicRules.ts), and asks it `decide(view)` whenever
 * it may act. The view is exactly `viewFor(state, itsSeat)` (no back
 * door to other delegations' data); the bot returns the next event it wants to send — through the
 * same path as a human's message — with an in-character reason in English and Ukrainian, or null
 * when it has nothing to do now. Pacing (a human-like delay before acting) is the host's job.
 *
 * A bot keeps a memory for its seat (memory.ts): what it derived once from the scenario and its
 * own private content, and the packages of the game it has read. The memory only saves work: the
 * same seed and views give the same decisions, and a bot made afresh in the middle of a game (a
 * server restart) decides exactly as one that ran all along. The host drops the bot with the game.
 */
import type { EngineEvent } from '../engine/types.ts';
import type { SeatView } from '../engine/view.ts';
import type { DelegationId, Localized } from '../scenario/schema.ts';
import type { PublicRules } from './publicRules.ts';

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

/** The bot of one seat of one game. */
export interface Bot {
  /** Its next move at the table in this phase (ready, a draft, an answer, a signature, a lever), or null. */
  decide(view: SeatView): BotDecision | null;
  /**
   * Its next line in the channels (talk.ts): an answer to a message addressed to it, or a talk it
   * opens itself, as a `chat.post`; null when it has nothing to say. The host waits a human-like
   * pause before posting it.
   */
  talk(view: SeatView): BotDecision | null;
}

/**
 * Makes the bot of one seat. The scenario a bot gets is the public one (publicScenario in
 * scenario/public.ts), compiled: with its view's own private content, that is all it may know.
 */
export type CreateBot = (rules: PublicRules, options: BotOptions) => Bot;

/** What the simulator needs of a seat's player: its moves at the table (all-bot games have no one to talk to). */
export type TablePlayer = Pick<Bot, 'decide'>;

/** Makes a seat's player for the simulator, from the same public rules a bot gets. */
export type CreateTablePlayer = (rules: PublicRules, options: BotOptions) => TablePlayer;
