/**
 * The scenario as one seat knows it, shaped as a full `Scenario` so the client can call the same
 * shared functions as the server (`checkEvent`, `packageUtility`, `checkPackage`, ...) for live
 * hints instead of copying the rules.
 *
 * It is assembled from what the server sends: the public scenario plus the private content the
 * seat's view carries (its own delegation's; every delegation's for the facilitator and in the
 * debrief). A delegation whose private content this seat does not have gets an explicitly empty
 * one (no red lines, no preferences), and `knows()` says so: callers only ask for scores and red
 * lines of delegations the seat knows, so the empty parts are never presented as facts.
 */
import { DEFAULT_OPTIONS, type NegotiationContext, type SeatState } from '@peace-table/shared/engine/types';
import type { SeatView } from '@peace-table/shared/engine/view';
import { compileRules, type ScenarioRules } from '@peace-table/shared/scenario/compiled';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';
import type { PublicScenario } from '@peace-table/shared/scenario/public';
import type { Delegation, Lever, Scenario } from '@peace-table/shared/scenario/schema';

export interface SeatScenario {
  scenario: Scenario;
  /** Its rules compiled (red lines and ratification of the delegations it knows), for checkEvent and the hints. */
  rules: ScenarioRules;
  /** Delegations whose private content (red lines, utilities) this seat has. */
  known: DelegationId[];
  knows(delegation: DelegationId): boolean;
}

function unknownPrivate(pub: PublicScenario, id: DelegationId): Delegation {
  const d = pub.delegations[id];
  const nothing = [] as never[];
  return {
    ...d,
    briefing: {
      objectives: nothing,
      priorities: nothing,
      fallbacks: nothing,
      mayReveal: nothing,
      domesticPressure: nothing,
    },
    redLines: [],
    ratification: [],
    preferences: {
      weights: {},
      utilities: {},
      discountPerMonth: 0,
      noDeal: { base: 0, terms: [], perMonth: 0 },
      rationale: [],
    },
    personality: {
      concession: 1,
      toughness: 0,
      pressureSensitivity: 0,
      leverUse: 0,
      description: d.publicPosition.text,
      source: d.publicPosition.source,
    },
    phrases: {},
    source: d.publicPosition.source,
  };
}

export function seatScenario(pub: PublicScenario, view: Pick<SeatView, 'private'>): SeatScenario {
  const known = DELEGATION_IDS.filter((d) => view.private[d] !== undefined);
  const delegations = Object.fromEntries(
    DELEGATION_IDS.map((id) => {
      const own = view.private[id];
      if (!own) return [id, unknownPrivate(pub, id)];
      const { levers: _levers, ...content } = own;
      return [id, { ...pub.delegations[id], ...content, source: pub.delegations[id].publicPosition.source }];
    }),
  ) as Record<DelegationId, Delegation>;
  // Public levers plus the private ones this seat may see (its own), each once.
  const levers = new Map<string, Lever>(pub.levers.map((l) => [l.id, l]));
  for (const d of known) for (const lever of view.private[d]?.levers ?? []) levers.set(lever.id, lever);
  const scenario: Scenario = {
    meta: pub.meta,
    agenda: pub.agenda,
    world: pub.world,
    delegations,
    levers: [...levers.values()],
    events: pub.events,
    // Outcome rules stay on the server; the client only names outcomes, never classifies them.
    outcomes: pub.outcomes.map((o) => ({ ...o, when: { agreement: false } })),
    // What the debrief reveals is drawn on the server and arrives in the transcript.
    revelations: [],
    // What the simulator counts is the simulator's.
    measures: [],
    map: pub.map,
  };
  return { scenario, rules: compileRules(scenario), known, knows: (d) => known.includes(d) };
}

/**
 * The engine context as far as a seat can reconstruct it from its view: enough for `checkEvent`
 * to say whether an action is allowed now and why not. The server re-checks everything. The
 * lists are copied: a view is read-only, and a context's lists are typed as the engine's own.
 */
export function contextFromView(
  scenario: Scenario,
  view: SeatView,
  now: number,
  maxRounds = DEFAULT_OPTIONS.maxRounds,
): NegotiationContext {
  const seats = Object.fromEntries(
    DELEGATION_IDS.map((d) => {
      const cooldowns: Record<string, number> = {};
      for (const [lever, round] of Object.entries(view.cooldowns)) {
        if (scenario.levers.find((l) => l.id === lever)?.owner === d) cooldowns[lever] = round;
      }
      const seat: SeatState = { ...view.seats[d], cooldowns };
      return [d, seat];
    }),
  ) as Record<DelegationId, SeatState>;
  return {
    scenarioId: view.scenarioId,
    seed: 0,
    rng: 0,
    now,
    options: { phaseMs: {}, maxRounds, noPress: view.noPress, anonymous: view.anonymous },
    phase: view.phase,
    paused: view.paused,
    round: view.round,
    rounds: view.rounds,
    world: view.world,
    seats,
    proposals: [...view.proposals],
    onTable: view.onTable,
    floor: [...(view.floor ?? [])],
    queuedLevers: [...view.queuedLevers],
    fired: [...view.fired],
    agreements: [...view.agreements],
    chat: [...view.chat],
    transcript: [...view.transcript],
    deadlineAt: view.deadlineAt,
    remainingMs: view.remainingMs,
    advance: false,
    ending: null,
    result: view.result,
    nextSeq: 0,
  };
}
