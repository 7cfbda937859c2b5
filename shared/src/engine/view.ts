/**
 * Who sees what: the one place that decides what each seat may see. The server sends each client
 * only its seat's view, and a bot decides from exactly the view a person at its seat would get.
 *
 * - A delegation sees the public state, its own private content (briefing, red lines, ratification
 *   rules, preferences, personality, its levers, private ones included) and no one else's, the
 *   chat of the channels it sits in, the queued levers that are public or its own, and its own
 *   lever cooldowns.
 * - Drafts tabled during tabling are sealed: until tabling closes only their author reads them
 *   (the others learn that a draft was tabled, not what it says), so a prepared draft never
 *   out-races anyone. The debrief opens a draft still sealed when the talks ended.
 * - Answers to a draft are sealed: while the draft is on the table, a delegation sees its own
 *   answer and the author's (tabling a draft is accepting it), and only who else has answered.
 *   They open when responses close (the draft is then accepted or rejected). A draft withdrawn
 *   before that keeps its answers sealed: nobody ever saw them, and withdrawing does not publish
 *   them.
 * - Transcript lines are read by their audience: public lines by everyone, a delegation's own
 *   lines (its answers, its private levers) by that delegation. The events kept for replay go to
 *   the facilitator alone, who exports transcripts.
 * - Which ratification rule sank an agreement at home is the failing delegation's own business:
 *   the others see only which delegation failed to ratify.
 * - A chat line carries the name of the person who wrote it. In a session with anonymous
 *   delegates, that name reaches the author's own delegation and the facilitator only: other
 *   delegations and the spectator see the delegation alone, in the debrief too.
 * - A spectator (the projector) sees the public state only.
 * - The facilitator sees everything.
 * - Once the talks have concluded, the debrief opens every briefing, every sealed answer, every
 *   ratification failure and every transcript line to everyone; chat in other delegations' private
 *   and bilateral channels stays private for good.
 *
 * viewFor is pure and keeps nothing: a host that builds many views of one game reuses work through
 * its own view cache (viewCache.ts), which applies these same rules item by item.
 */
import type { WorldState } from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type Delegation, type DelegationId, type Lever, type Scenario } from '../scenario/schema.ts';
import { canRead } from './channels.ts';
import type {
  Agreement,
  Audience,
  ChatMessage,
  FinalResult,
  FiredEvent,
  NegotiationContext,
  Phase,
  Proposal,
  ProposalResponse,
  QueuedLever,
  SeatState,
  TranscriptEntry,
} from './types.ts';

export type ViewerSeat = DelegationId | 'facilitator' | 'spectator';

/** A delegation's private content: briefing, red lines, ratification rules, numbers, AI personality. */
export type PrivateContent = Pick<
  Delegation,
  'briefing' | 'redLines' | 'ratification' | 'preferences' | 'personality' | 'phrases'
> & {
  /** All of the delegation's own levers, private ones included. */
  levers: Lever[];
};

export interface PublicSeat {
  ready: boolean;
  statement: string | null;
  walkedOut: boolean;
}

/** A proposal as a seat sees it: while answers are sealed, others' answers are hidden, not who answered. */
export type ProposalView = Proposal & { responded: DelegationId[] };

/**
 * What one seat is shown of the game. Read-only: views share the game's own records (its world,
 * its fired events) and, from a view cache, the lists earlier views were shown.
 */
export interface SeatView {
  readonly viewer: ViewerSeat;
  readonly scenarioId: string;
  readonly phase: Phase;
  readonly paused: boolean;
  readonly round: number;
  readonly rounds: number;
  readonly world: Readonly<WorldState>;
  readonly deadlineAt: number | null;
  readonly remainingMs: number | null;
  /** The session's options, chosen when it was opened and shown on every screen. */
  readonly noPress: boolean;
  readonly anonymous: boolean;
  readonly seats: Readonly<Record<DelegationId, Readonly<PublicSeat>>>;
  /** Lever id → the round it can be used again, for the viewer's own levers (all, for the facilitator). */
  readonly cooldowns: Readonly<Record<string, number>>;
  readonly proposals: readonly ProposalView[];
  readonly onTable: string | null;
  /** The round's revealed drafts still waiting their turn, in answering order. */
  readonly floor: readonly string[];
  readonly queuedLevers: readonly QueuedLever[];
  readonly fired: readonly FiredEvent[];
  readonly agreements: readonly Agreement[];
  readonly chat: readonly ChatMessage[];
  readonly transcript: readonly TranscriptEntry[];
  readonly result: FinalResult | null;
  /** The viewer's own private content (a delegation), every delegation's (facilitator, debrief), or nothing. */
  readonly private: Readonly<Partial<Record<DelegationId, PrivateContent>>>;
}

/** The debrief: the talks have concluded, and what was private to the negotiation opens. */
export function isDebrief(ctx: Pick<NegotiationContext, 'phase'>): boolean {
  return ctx.phase === 'concluded';
}

/** Is the viewer in the audience of a transcript line? */
export function canSee(viewer: ViewerSeat, audience: Audience): boolean {
  if (audience === 'public' || viewer === 'facilitator') return true;
  return viewer !== 'spectator' && audience.only.includes(viewer);
}

/** Does this transcript line reach the viewer? The debrief opens every line but private chat. */
export function showsEntry(viewer: ViewerSeat, debrief: boolean, entry: TranscriptEntry): boolean {
  return canSee(viewer, entry.audience) || (debrief && entry.kind !== 'chat.post' && entry.kind !== 'chat.move');
}

/** A transcript line as the viewer reads it: without its replay event, except for the facilitator. */
export function entryFor(viewer: ViewerSeat, entry: TranscriptEntry): TranscriptEntry {
  return viewer === 'facilitator' || entry.event === null ? entry : { ...entry, event: null };
}

/** A chat line as the viewer reads it: see the rule on names at the top of this file. */
export function messageFor(viewer: ViewerSeat, anonymous: boolean, m: ChatMessage): ChatMessage {
  if (!anonymous || m.author === undefined || viewer === 'facilitator' || viewer === m.from) return m;
  const { author: _hidden, ...shown } = m;
  return shown;
}

/** The chat lines of the channels the viewer sits in, as it reads them. */
export function chatLinesFor(viewer: ViewerSeat, anonymous: boolean, chat: readonly ChatMessage[]): ChatMessage[] {
  const shown: ChatMessage[] = [];
  for (const m of chat) if (canRead(viewer, m.channel)) shown.push(messageFor(viewer, anonymous, m));
  return shown;
}

/** Are a draft's answers sealed from this viewer? (See the rule at the top of this file.) */
export function answersSealed(viewer: ViewerSeat, debrief: boolean, p: Proposal): boolean {
  return viewer !== 'facilitator' && !debrief && (p.status === 'tabled' || p.status === 'withdrawn');
}

/** May the viewer read this draft? A sealed one only its author (and the facilitator, and the debrief). */
export function showsProposal(viewer: ViewerSeat, debrief: boolean, p: Proposal): boolean {
  return p.status !== 'sealed' || viewer === 'facilitator' || viewer === p.author || debrief;
}

export function proposalFor(viewer: ViewerSeat, debrief: boolean, p: Proposal): ProposalView {
  const responded = DELEGATION_IDS.filter((d) => p.responses[d] !== undefined);
  if (!answersSealed(viewer, debrief, p)) return { ...p, responded };
  const responses: Partial<Record<DelegationId, ProposalResponse>> = {};
  for (const d of responded) {
    if (d === viewer || d === p.author) responses[d] = p.responses[d];
  }
  return { ...p, responses, responded };
}

/** An agreement as the viewer reads it: another delegation's failed rule shows as that delegation only. */
export function agreementFor(viewer: ViewerSeat, debrief: boolean, a: Agreement): Agreement {
  if (viewer === 'facilitator' || debrief) return a;
  const failures = a.failures.map((f) => (f.startsWith(`${viewer}:`) ? f : f.slice(0, f.indexOf(':'))));
  return { ...a, failures };
}

/** May the viewer see this queued lever? Public levers, and its own (the facilitator sees all). */
export function showsLever(scenario: Scenario, viewer: ViewerSeat, q: QueuedLever): boolean {
  if (viewer === 'facilitator' || q.owner === viewer) return true;
  return scenario.levers.find((l) => l.id === q.lever)?.visibility === 'public';
}

/** What everyone sees of the seats: ready, their opening statement, walked out (not their cooldowns). */
export function publicSeats(seats: Record<DelegationId, SeatState>): SeatView['seats'] {
  const shown = (seat: SeatState) => ({ ready: seat.ready, statement: seat.statement, walkedOut: seat.walkedOut });
  return {
    ukraine: shown(seats.ukraine),
    russia: shown(seats.russia),
    us: shown(seats.us),
    europe: shown(seats.europe),
  };
}

/** Lever cooldowns the viewer may see: its own, or everyone's for the facilitator. */
export function cooldownsFor(ctx: NegotiationContext, viewer: ViewerSeat): Record<string, number> {
  if (viewer === 'facilitator') return Object.assign({}, ...DELEGATION_IDS.map((d) => ctx.seats[d].cooldowns));
  if (viewer === 'spectator') return {};
  return { ...ctx.seats[viewer].cooldowns };
}

function privateContent(scenario: Scenario, d: Delegation): PrivateContent {
  const { briefing, redLines, ratification, preferences, personality, phrases } = d;
  const levers = scenario.levers.filter((l) => l.owner === d.id);
  return { briefing, redLines, ratification, preferences, personality, phrases, levers };
}

/** The private content the viewer may read: its own, or every delegation's (facilitator, debrief). */
export function privateFor(scenario: Scenario, viewer: ViewerSeat, debrief: boolean): SeatView['private'] {
  const shown: Partial<Record<DelegationId, PrivateContent>> = {};
  for (const d of DELEGATION_IDS) {
    if (viewer === 'facilitator' || debrief || d === viewer)
      shown[d] = privateContent(scenario, scenario.delegations[d]);
  }
  return shown;
}

/**
 * What every seat sees alike: the phase and its clock, the round, the world, events fired, the
 * draft on the table, the result, and the session's options (no press, anonymous delegates).
 */
export function publicFacts(ctx: NegotiationContext) {
  return {
    scenarioId: ctx.scenarioId,
    phase: ctx.phase,
    paused: ctx.paused,
    round: ctx.round,
    rounds: ctx.rounds,
    world: ctx.world,
    deadlineAt: ctx.deadlineAt,
    remainingMs: ctx.remainingMs,
    noPress: ctx.options.noPress === true,
    anonymous: ctx.options.anonymous === true,
    onTable: ctx.onTable,
    floor: ctx.floor,
    fired: ctx.fired,
    result: ctx.result,
  };
}

export function viewFor(scenario: Scenario, ctx: NegotiationContext, viewer: ViewerSeat): SeatView {
  const debrief = isDebrief(ctx);
  return {
    viewer,
    ...publicFacts(ctx),
    seats: publicSeats(ctx.seats),
    cooldowns: cooldownsFor(ctx, viewer),
    proposals: ctx.proposals
      .filter((p) => showsProposal(viewer, debrief, p))
      .map((p) => proposalFor(viewer, debrief, p)),
    queuedLevers: ctx.queuedLevers.filter((q) => showsLever(scenario, viewer, q)),
    agreements: ctx.agreements.map((a) => agreementFor(viewer, debrief, a)),
    chat: chatLinesFor(viewer, ctx.options.anonymous === true, ctx.chat),
    transcript: ctx.transcript.filter((t) => showsEntry(viewer, debrief, t)).map((t) => entryFor(viewer, t)),
    private: privateFor(scenario, viewer, debrief),
  };
}
