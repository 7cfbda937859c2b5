/**
 * The one place that decides what each seat may see. The server applies it at one spot before
 * anything reaches a client; bots get exactly this view of the game and nothing else.
 *
 * - A delegation sees public state, its own private briefing, preferences and red lines, its own
 *   channels, its own private levers, and its own response to the draft until responses close.
 * - A spectator (projector) sees public information only.
 * - The facilitator sees everything.
 * - Once the talks have concluded, the debrief opens every briefing and transcript line to
 *   everyone; chat in other delegations' private and bilateral channels stays private for good.
 */
import { memo } from '../memo.ts';
import type { WorldState } from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type Delegation, type DelegationId, type Lever, type Scenario } from '../scenario/schema.ts';
import { canRead } from './channels.ts';
import type {
  Agreement,
  ChatMessage,
  FinalResult,
  FiredEvent,
  NegotiationContext,
  Phase,
  Proposal,
  ProposalResponse,
  QueuedLever,
  TranscriptEntry,
} from './types.ts';
import { AGREEMENTS, CHAT, ownCooldowns, PROPOSALS, publicSeats, QUEUED, shownList } from './viewSlots.ts';
import { canSee, transcriptFor } from './viewTranscript.ts';

export { canSee };

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

/**
 * A view is read-only: besides the context's own (immutable) world and fired events, its seats,
 * cooldowns, private content and lists are frozen and shared with other views of the same kind
 * (viewSlots.ts). Only the transcript is the caller's own copy.
 */
export interface SeatView {
  viewer: ViewerSeat;
  scenarioId: string;
  phase: Phase;
  paused: boolean;
  round: number;
  rounds: number;
  world: WorldState;
  deadlineAt: number | null;
  remainingMs: number | null;
  seats: Record<DelegationId, PublicSeat>;
  /** Lever id → the round it can be used again, for the viewer's own levers (all, for the facilitator). */
  cooldowns: Record<string, number>;
  proposals: ProposalView[];
  onTable: string | null;
  queuedLevers: QueuedLever[];
  fired: readonly FiredEvent[];
  agreements: Agreement[];
  chat: ChatMessage[];
  transcript: TranscriptEntry[];
  result: FinalResult | null;
  /** The viewer's own private content (a delegation), every delegation's (facilitator), or nothing. */
  private: Partial<Record<DelegationId, PrivateContent>>;
}

/** A proposal as a seat sees it: while responses are sealed, others' answers are hidden, not who answered. */
export type ProposalView = Proposal & { responded: DelegationId[] };

/** Once responses are open, a proposal looks the same to every seat: made once per proposal. */
const OPEN_PROPOSALS = new WeakMap<Proposal, ProposalView>();

function proposalFor(viewer: ViewerSeat, p: Proposal): ProposalView {
  if (p.status !== 'tabled') {
    return memo(OPEN_PROPOSALS, p, () =>
      Object.freeze({ ...p, responded: DELEGATION_IDS.filter((d) => p.responses[d] !== undefined) }),
    );
  }
  const responded = DELEGATION_IDS.filter((d) => p.responses[d] !== undefined);
  if (viewer === 'facilitator') return { ...p, responded };
  const responses: Partial<Record<DelegationId, ProposalResponse>> = {};
  for (const d of responded) {
    if (d === viewer || d === p.author) responses[d] = p.responses[d];
  }
  return { ...p, responses, responded };
}

/** A delegation's private content depends on the scenario alone: made once, frozen, shared by its views. */
const PRIVATE = new WeakMap<Delegation, PrivateContent>();
function privateContent(scenario: Scenario, d: Delegation): PrivateContent {
  return memo(PRIVATE, d, () => {
    const { briefing, redLines, ratification, preferences, personality, phrases } = d;
    const levers = scenario.levers.filter((l) => l.owner === d.id);
    return Object.freeze({ briefing, redLines, ratification, preferences, personality, phrases, levers });
  });
}

/** The private content each kind of viewer sees, per scenario: made once, frozen, shared by its views. */
const PRIVATE_FOR = new WeakMap<Scenario['delegations'], Map<string, SeatView['private']>>();
function privateFor(scenario: Scenario, viewer: ViewerSeat, key: string, all: boolean): SeatView['private'] {
  // Plain gets rather than memo(): no closures made on the path every view takes.
  let byViewer = PRIVATE_FOR.get(scenario.delegations);
  if (byViewer === undefined) {
    byViewer = new Map();
    PRIVATE_FOR.set(scenario.delegations, byViewer);
  }
  let shown = byViewer.get(key);
  if (shown === undefined) {
    const made: SeatView['private'] = {};
    for (const d of DELEGATION_IDS) {
      if (all || d === viewer) made[d] = privateContent(scenario, scenario.delegations[d]);
    }
    shown = Object.freeze(made);
    byViewer.set(key, shown);
  }
  return shown;
}

/** Which queued levers a seat may see: public ones and its own (the facilitator sees all), per scenario. */
const VISIBLE_LEVERS = new WeakMap<Scenario['levers'], Map<ViewerSeat, ReadonlySet<string>>>();
function visibleLevers(scenario: Scenario, viewer: ViewerSeat): ReadonlySet<string> {
  return memo(
    memo(VISIBLE_LEVERS, scenario.levers, () => new Map()),
    viewer,
    () =>
      new Set(
        scenario.levers
          .filter((l) => viewer === 'facilitator' || l.visibility === 'public' || l.owner === viewer)
          .map((l) => l.id),
      ),
  );
}

/** What a seat may read of an agreement: which ratification rule failed is private until the debrief. */
const OPEN_AGREEMENTS = new WeakMap<Agreement, Agreement>();
function agreementFor(a: Agreement, viewer: ViewerSeat, all: boolean): Agreement {
  // Agreements are few (a WeakMap entry per agreement, not per event), and read whole by most seats.
  if (all || a.failures.length === 0)
    return memo(OPEN_AGREEMENTS, a, () =>
      Object.freeze({ ...a, failures: Object.freeze(a.failures.slice()) as string[] }),
    );
  const failures = a.failures.map((f) => (f.startsWith(`${viewer}:`) ? f : f.slice(0, f.indexOf(':'))));
  return { ...a, failures };
}

export function viewFor(scenario: Scenario, ctx: NegotiationContext, viewer: ViewerSeat): SeatView {
  const isFacilitator = viewer === 'facilitator';
  const cooldowns = isFacilitator
    ? Object.assign({}, ...DELEGATION_IDS.map((d) => ctx.seats[d].cooldowns))
    : viewer === 'spectator'
      ? {}
      : ownCooldowns(viewer, ctx.seats[viewer].cooldowns);
  // The debrief opens every briefing: once the talks have concluded, everyone may see everything private.
  const debrief = ctx.phase === 'concluded';
  const key = debrief ? `${viewer}+debrief` : viewer;
  const shownPrivate = privateFor(scenario, viewer, key, isFacilitator || debrief);
  // Each list is filtered afresh only when the context holds a new array of it (see shownList).
  const all = isFacilitator || debrief;
  const proposals = shownList(PROPOSALS, key, scenario, ctx.proposals, () =>
    ctx.proposals.map((p) => proposalFor(viewer, p)),
  );
  const queuedLevers = shownList(QUEUED, key, scenario, ctx.queuedLevers, () => {
    const levers = visibleLevers(scenario, viewer);
    return ctx.queuedLevers.filter((q) => levers.has(q.lever));
  });
  const agreements = shownList(AGREEMENTS, key, scenario, ctx.agreements, () =>
    ctx.agreements.map((a) => agreementFor(a, viewer, all)),
  );
  const chat = shownList(CHAT, key, scenario, ctx.chat, () => ctx.chat.filter((m) => canRead(viewer, m.channel)));
  return {
    viewer,
    scenarioId: ctx.scenarioId,
    phase: ctx.phase,
    paused: ctx.paused,
    round: ctx.round,
    rounds: ctx.rounds,
    world: ctx.world,
    deadlineAt: ctx.deadlineAt,
    remainingMs: ctx.remainingMs,
    seats: publicSeats(ctx.seats),
    cooldowns,
    proposals,
    onTable: ctx.onTable,
    queuedLevers,
    fired: ctx.fired,
    agreements,
    chat,
    // Events are kept for replay; only the facilitator (who exports transcripts) needs them.
    transcript: transcriptFor(ctx.transcript, viewer, debrief),
    result: ctx.result,
    private: shownPrivate,
  };
}
