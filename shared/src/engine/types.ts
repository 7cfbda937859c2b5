/**
 * The negotiation engine's data: machine context, events and the records it keeps.
 *
 * Everything here is plain JSON (no classes, no functions, no Dates) so a snapshot can be
 * persisted with JSON.stringify and restored anywhere: the server, the simulator, a test. And it is
 * read-only: an event makes a new context (apply.ts, round.ts) and never changes the one it was
 * given, so views, bots and caches can keep what they read. The engine's tests freeze every
 * context they step through, so an in-place change fails loudly.
 */
import type { RefusalParams, RefusalReason } from '../refusals.ts';
import type { ScenarioRules } from '../scenario/compiled.ts';
import type { DelegationId, Ending, Localized, Package } from '../scenario/schema.ts';
import type { WorldState } from '../scenario/world.ts';
import type { Channel } from './channels.ts';
import type { Actor, ChatMove, EngineEvent, EngineEventType, EventOf, ResponseKind, ResponseReason } from './events.ts';

export type {
  Actor,
  Channel,
  DelegationId,
  EngineEvent,
  EngineEventType,
  EventOf,
  Package,
  ResponseKind,
  ResponseReason,
};

/** The phases a session goes through. Resolution and ratification are instantaneous steps inside a round. */
export const PHASES = [
  'lobby',
  'briefing',
  'opening',
  'talks',
  'tabling',
  'responses',
  'signing',
  'concluded',
] as const;
export type Phase = (typeof PHASES)[number];

/** Phases that run on a timer when the host sets one (see EngineOptions.phaseMs). */
export type TimedPhase = Exclude<Phase, 'concluded'>;

export interface EngineOptions {
  /** Milliseconds each phase may last before `clock.deadline` may close it; null/absent = no timer. */
  phaseMs: Partial<Record<TimedPhase, number | null>>;
  /** Upper bound for `facilitator.extend` so a typo cannot make a session endless. */
  maxRounds: number;
  /** No press: the plenary only, no delegation or bilateral channels (the facilitator may still write anywhere). */
  noPress: boolean;
  /** Anonymous delegates: a person's name reaches their own delegation and the facilitator only. */
  anonymous: boolean;
  /**
   * A what-if's "this event not fired" (shared/src/sim/whatif.ts): when the round named here
   * resolves, the event's draw is still made (so every other event draws the same numbers) but it
   * does not fire. Never set in a real session.
   */
  withheld?: readonly WithheldEvent[];
}

/** A scenario event kept from firing in one round's resolution (a what-if's change). */
export interface WithheldEvent {
  event: string;
  round: number;
}

export const DEFAULT_OPTIONS: NegotiationContext['options'] = Object.freeze({
  phaseMs: Object.freeze({}),
  maxRounds: 24,
  noPress: false,
  anonymous: false,
});

/** What the host passes when it creates a game. */
export interface GameInput {
  seed: number;
  /** Wall-clock time (ms since epoch) of creation, from the host's clock. */
  now: number;
  options?: Partial<EngineOptions>;
}

export interface ProposalResponse {
  readonly response: ResponseKind;
  readonly reasons: readonly ResponseReason[];
  /** With `counter`: the package the responder would accept instead. */
  readonly counter?: Readonly<Package>;
  readonly at: number;
}

export type ProposalStatus =
  | 'sealed' // tabled during this round's tabling: only its author reads it until tabling closes
  | 'tabled' // on the floor: being answered, or waiting its turn this round
  | 'rejected' // responses closed without every required acceptance
  | 'accepted' // every required signatory accepted: signing open
  | 'declined' // accepted, then a signatory refused to sign
  | 'signed' // signed by every required signatory
  | 'withdrawn'
  | 'superseded'; // replaced by an amendment

export interface Proposal {
  readonly id: string;
  readonly author: DelegationId;
  readonly round: number;
  /** The proposal this one amends (or, for a counter-proposal, answers), if any. */
  readonly parent: string | null;
  /** Set when this draft is a counter-proposal, tabled in the round after the draft it answered. */
  readonly counterTo?: string;
  readonly package: Readonly<Package>;
  readonly note: string;
  readonly status: ProposalStatus;
  /** Delegations whose signatures bind it, fixed when tabled. */
  readonly signatories: readonly DelegationId[];
  readonly responses: Readonly<Partial<Record<DelegationId, ProposalResponse>>>;
  readonly signatures: readonly DelegationId[];
  readonly at: number;
}

/** A signed package and what happened to it at home. */
export interface Agreement {
  readonly proposalId: string;
  readonly package: Readonly<Package>;
  readonly signatories: readonly DelegationId[];
  readonly round: number;
  readonly month: number;
  /** Ratification rules that failed, as "delegation:rule-id"; empty = ratified. */
  readonly failures: readonly string[];
  readonly ratified: boolean;
  /** True when it settles an issue that ends the talks (a ceasefire); false for a partial deal. */
  readonly concluding: boolean;
}

export interface QueuedLever {
  readonly lever: string;
  readonly owner: DelegationId;
  readonly sector: string | null;
  readonly round: number;
}

export interface ChatMessage {
  readonly seq: number;
  readonly channel: Channel;
  readonly from: Actor;
  /** The person at the delegation's seat who wrote it (absent for the computer and the facilitator). */
  readonly author?: string;
  /** The message as written; English when `uk` is given. */
  readonly text: string;
  /** The same message in Ukrainian: the computer delegations and structured moves give both. */
  readonly uk?: string;
  /** The message this one answers. */
  readonly replyTo?: number;
  /** A structured move (chat.move): what a computer delegation answers from its model. */
  readonly move?: ChatMove;
  /** An opening statement, made to the whole table in Plenary: addressed to no one in particular. */
  readonly statement?: true;
  readonly round: number;
  readonly at: number;
}

export interface SeatState {
  readonly ready: boolean;
  readonly statement: string | null;
  readonly walkedOut: boolean;
  /** Lever id → the round from which it may be used again. */
  readonly cooldowns: Readonly<Record<string, number>>;
}

/** Who may read a transcript entry. */
export type Audience = 'public' | { readonly only: readonly DelegationId[] };

export interface TranscriptEntry {
  readonly seq: number;
  readonly round: number;
  readonly month: number;
  readonly phase: Phase;
  readonly actor: Actor;
  /** The event name that caused the entry, or a system step such as "round.resolve". */
  readonly kind: string;
  readonly text: Localized;
  readonly audience: Audience;
  /** For entries caused by an accepted event: the event itself, so the log replays the game. */
  readonly event: EngineEvent | null;
  readonly at: number;
}

export interface FiredEvent {
  readonly id: string;
  readonly round: number;
  readonly month: number;
  readonly by: 'draw' | 'facilitator';
}

export interface FinalResult {
  readonly ending: Ending;
  readonly outcomeId: string;
  readonly agreement: Readonly<Package> | null;
  readonly ratified: boolean;
  /**
   * Each delegation's score for what happened (the ratified agreements; no deal if none holds) and
   * its no-deal value, in the final month (scoreFor, scenario/score.ts).
   */
  readonly scores: Readonly<Record<DelegationId, { utility: number; noDeal: number }>>;
  /** The month (0 = the first) the scores are worked out in. Absent in games concluded before it was kept. */
  readonly month?: number;
  /** A concluding deal that was signed but failed at home: its paper score in the same month; otherwise null. */
  readonly paper?: Readonly<Record<DelegationId, { utility: number; noDeal: number }>> | null;
}

export interface NegotiationContext {
  readonly scenarioId: string;
  readonly seed: number;
  /** Mulberry32 state; every random draw advances it (determinism: same seed + events = same game). */
  readonly rng: number;
  readonly now: number;
  readonly options: Readonly<EngineOptions> & { readonly phaseMs: Readonly<EngineOptions['phaseMs']> };
  readonly phase: Phase;
  readonly paused: boolean;
  /** 1-based round; round r is month r-1 of the calendar. 0 before the first round. */
  readonly round: number;
  readonly rounds: number;
  readonly world: WorldState;
  readonly seats: Readonly<Record<DelegationId, SeatState>>;
  readonly proposals: readonly Proposal[];
  /** The proposal currently on the table (being answered, or accepted and up for signing), if any. */
  readonly onTable: string | null;
  /** The round's drafts still waiting their turn, in answering order (see floor.ts). */
  readonly floor: readonly string[];
  readonly queuedLevers: readonly QueuedLever[];
  readonly fired: readonly FiredEvent[];
  readonly agreements: readonly Agreement[];
  readonly chat: readonly ChatMessage[];
  readonly transcript: readonly TranscriptEntry[];
  /** When the current phase's timer runs out (ms since epoch); null = untimed. */
  readonly deadlineAt: number | null;
  /** While paused: how much of the phase timer was left. */
  readonly remainingMs: number | null;
  /** Set by facilitator.advance or clock.deadline; the machine closes the phase and clears it. */
  readonly advance: boolean;
  /** Set when something ends the talks (signature, walkout, breakthrough, deadline); the machine concludes. */
  readonly ending: Ending | null;
  readonly result: FinalResult | null;
  readonly nextSeq: number;
}

/**
 * Why an event was refused: a code for programs, an English sentence for logs, and the exact rule
 * (`reason`, with its `params`) for the client to word in the player's language (see refusals.ts).
 */
export interface Rejection {
  code: 'wrong_phase' | 'wrong_actor' | 'paused' | 'invalid' | 'red_line' | 'not_allowed';
  message: string;
  reason?: RefusalReason;
  params?: RefusalParams;
}

/**
 * What an accepted event does (apply.ts, applyFacilitator.ts): a new context from the old one,
 * which it never changes. Only called after checkEvent allowed the event.
 */
export type Apply<T extends EngineEventType> = (
  rules: ScenarioRules,
  ctx: NegotiationContext,
  e: EventOf<T>,
) => NegotiationContext;
