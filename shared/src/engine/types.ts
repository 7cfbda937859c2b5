/**
 * The negotiation engine's data: machine context, events and the records it keeps.
 *
 * Everything here is plain JSON (no classes, no functions, no Dates) so a snapshot can be
 * persisted with JSON.stringify and restored anywhere: the server, the simulator, a test.
 */
import type { RefusalParams, RefusalReason } from '../refusals.ts';
import type { WorldState } from '../scenario/evaluate.ts';
import type { DelegationId, Ending, Localized, Package } from '../scenario/schema.ts';

export type { DelegationId, Package };

/** Who sends an event: a delegation's seat, the facilitator, or the host's clock. */
export type Actor = DelegationId | 'facilitator' | 'system';

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

export const DEFAULT_OPTIONS: EngineOptions = {
  phaseMs: {},
  maxRounds: 24,
};

/** What the host passes when it creates a game. */
export interface GameInput {
  seed: number;
  /** Wall-clock time (ms since epoch) of creation, from the host's clock. */
  now: number;
  options?: Partial<EngineOptions>;
}

export type ResponseKind = 'accept' | 'reject' | 'counter';

/** A reason attached to a response, optionally pinned to one clause ("issue.option"). */
export interface ResponseReason {
  clause?: string;
  text: string;
  /** "red-line": the responder can never take this clause; "objection": it costs too much as offered. */
  severity?: 'red-line' | 'objection';
}

export interface ProposalResponse {
  response: ResponseKind;
  reasons: ResponseReason[];
  /** With `counter`: the package the responder would accept instead. */
  counter?: Package;
  at: number;
}

export type ProposalStatus =
  | 'tabled' // on the table, responses open or pending
  | 'rejected' // responses closed without every required acceptance
  | 'accepted' // every required signatory accepted: signing open
  | 'declined' // accepted, then a signatory refused to sign
  | 'signed' // signed by every required signatory
  | 'withdrawn'
  | 'superseded'; // replaced by an amendment

export interface Proposal {
  id: string;
  author: DelegationId;
  round: number;
  /** The proposal this one amends, if any. */
  parent: string | null;
  package: Package;
  note: string;
  status: ProposalStatus;
  /** Delegations whose signatures bind it, fixed when tabled. */
  signatories: DelegationId[];
  responses: Partial<Record<DelegationId, ProposalResponse>>;
  signatures: DelegationId[];
  at: number;
}

/** A signed package and what happened to it at home. */
export interface Agreement {
  proposalId: string;
  package: Package;
  signatories: DelegationId[];
  round: number;
  month: number;
  /** Ratification rules that failed, as "delegation:rule-id"; empty = ratified. */
  failures: string[];
  ratified: boolean;
  /** True when it settles an issue that ends the talks (a ceasefire); false for a partial deal. */
  concluding: boolean;
}

export interface QueuedLever {
  lever: string;
  owner: DelegationId;
  sector: string | null;
  round: number;
}

/** Channels: the plenary, a delegation's own room, a bilateral pair, the facilitator's announcements. */
export type Channel =
  | 'plenary'
  | `delegation:${DelegationId}`
  | `bilateral:${DelegationId}+${DelegationId}`
  | 'announcements';

export interface ChatMessage {
  seq: number;
  channel: Channel;
  from: Actor;
  text: string;
  round: number;
  at: number;
}

export interface SeatState {
  ready: boolean;
  statement: string | null;
  walkedOut: boolean;
  /** Lever id → the round from which it may be used again. */
  cooldowns: Record<string, number>;
}

/** Who may read a transcript entry. */
export type Audience = 'public' | { only: DelegationId[] };

export interface TranscriptEntry {
  seq: number;
  round: number;
  month: number;
  phase: Phase;
  actor: Actor;
  /** The event name that caused the entry, or a system step such as "round.resolve". */
  kind: string;
  text: Localized;
  audience: Audience;
  /** For entries caused by an accepted event: the event itself, so the log replays the game. */
  event: EngineEvent | null;
  at: number;
}

export interface FiredEvent {
  id: string;
  round: number;
  month: number;
  by: 'draw' | 'facilitator';
}

export interface FinalResult {
  ending: Ending;
  outcomeId: string;
  agreement: Package | null;
  ratified: boolean;
  /** utility and no-deal value of each delegation at the final world. */
  scores: Record<DelegationId, { utility: number; noDeal: number }>;
}

export interface NegotiationContext {
  scenarioId: string;
  seed: number;
  /** Mulberry32 state; every random draw advances it (determinism: same seed + events = same game). */
  rng: number;
  now: number;
  options: EngineOptions;
  phase: Phase;
  paused: boolean;
  /** 1-based round; round r is month r-1 of the calendar. 0 before the first round. */
  round: number;
  rounds: number;
  world: WorldState;
  seats: Record<DelegationId, SeatState>;
  proposals: Proposal[];
  /** The proposal currently on the table (tabled or accepted), if any. */
  onTable: string | null;
  queuedLevers: QueuedLever[];
  fired: FiredEvent[];
  agreements: Agreement[];
  chat: ChatMessage[];
  transcript: TranscriptEntry[];
  /** When the current phase's timer runs out (ms since epoch); null = untimed. */
  deadlineAt: number | null;
  /** While paused: how much of the phase timer was left. */
  remainingMs: number | null;
  /** Set by facilitator.advance or clock.deadline; the machine closes the phase and clears it. */
  advance: boolean;
  /** Set when something ends the talks (signature, walkout, breakthrough, deadline); the machine concludes. */
  ending: Ending | null;
  result: FinalResult | null;
  nextSeq: number;
}

// ---------------------------------------------------------------------------------------------
// Events. Payloads are validated on the wire by the zod schemas in events.ts; the host adds
// `actor` (from the connection, never the payload) and `at` (its clock).
// ---------------------------------------------------------------------------------------------
interface Base {
  actor: Actor;
  at: number;
}

export type EngineEvent =
  | (Base & { type: 'seat.ready'; ready?: boolean })
  | (Base & { type: 'statement.make'; text: string })
  | (Base & { type: 'chat.post'; channel: Channel; text: string })
  | (Base & { type: 'proposal.table'; package: Package; note?: string })
  | (Base & { type: 'proposal.amend'; proposalId: string; package: Package; note?: string })
  | (Base & {
      type: 'proposal.respond';
      proposalId: string;
      response: ResponseKind;
      reasons?: ResponseReason[];
      counter?: Package;
    })
  | (Base & { type: 'proposal.withdraw'; proposalId: string })
  | (Base & { type: 'lever.use'; lever: string; sector?: string })
  | (Base & { type: 'agreement.sign'; proposalId: string })
  | (Base & { type: 'agreement.decline'; proposalId: string; reason?: string })
  | (Base & { type: 'delegation.walkout'; reason?: string })
  | (Base & { type: 'facilitator.pause' })
  | (Base & { type: 'facilitator.resume' })
  | (Base & { type: 'facilitator.advance' })
  | (Base & { type: 'facilitator.inject'; event: string })
  | (Base & { type: 'facilitator.extend'; rounds?: number; ms?: number })
  | (Base & { type: 'clock.deadline' });

export type EngineEventType = EngineEvent['type'];
export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;

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
