/**
 * What an AI delegation knows and believes, rebuilt from its own view every time it decides:
 * its own utility tables (from its private preferences), its concession curve, and an opponent
 * model learned from what the others did at the table (their drafts, answers and reasons).
 *
 * Literature: time-dependent tactics (Faratin, Sierra & Jennings 1998: Boulware e < 1, Conceder
 * e > 1), the ACnext acceptance condition (Baarslag et al. 2014), and frequency opponent models
 * (the "HardHeaded" agent, ANAC 2011): issues an opponent keeps fixed and options it keeps
 * proposing are what it values; clauses it names when rejecting are what it cannot take.
 */
import type { SeatView } from '../engine/view.ts';
import { memo } from '../memo.ts';
import { noDealFrom, utilityFrom, type WorldState, weightsOf } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Package, type Preferences } from '../scenario/schema.ts';
import { type ClauseSpace, spaceOf } from '../scenario/space.ts';
import { numbered } from './numbered.ts';
import type { BotLevel } from './types.ts';

/** The bot's own numbers, from its private preferences (view.private[self]). */
export interface OwnModel {
  self: DelegationId;
  prefs: Preferences;
  weights: Readonly<Record<string, number>>;
  /** max over options of weight·utility per issue, for "how much does this clause cost me". */
  best: Record<string, { option: string; value: number }>;
  noDealCache: WeakMap<WorldState, number>;
  /** The issue that matters most to it (its heaviest weight): what it says it will come back to. */
  topIssue: string;
}

/** One model per preferences object: it depends on nothing else, and a bot decides hundreds of times a game. */
const OWN_MODELS = new WeakMap<Preferences, OwnModel>();

export function ownModel(view: SeatView, self: DelegationId): OwnModel {
  const prefs = view.private[self]?.preferences;
  if (!prefs) throw new Error(`the view of ${self} has no private preferences`);
  // A delegation's preferences are its own: the same object never belongs to another seat.
  return memo(OWN_MODELS, prefs, () => buildOwnModel(prefs, self));
}

function buildOwnModel(prefs: Preferences, self: DelegationId): OwnModel {
  const weights = weightsOf(prefs);
  const best: OwnModel['best'] = {};
  for (const [issue, options] of Object.entries(prefs.utilities)) {
    const [option, u] = Object.entries(options).reduce((a, b) => (b[1] > a[1] ? b : a));
    best[issue] = { option, value: (weights[issue] ?? 0) * u };
  }
  const topIssue = Object.entries(weights).reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return { self, prefs, weights, best, noDealCache: new WeakMap(), topIssue };
}

/** The no-deal value from the bot's own formula (same as evaluate.ts, from private data only). */
export function ownNoDeal(own: OwnModel, world: WorldState): number {
  return noDealFrom(own.prefs, world);
}

/** Own utility of a package: the same model as evaluate.ts, from the bot's own preferences only. */
export function ownUtility(own: OwnModel, pkg: Package, world: WorldState): number {
  // The no-deal value depends only on the world: compute it once per world object.
  let nd = own.noDealCache.get(world);
  if (nd === undefined) {
    nd = noDealFrom(own.prefs, world);
    own.noDealCache.set(world, nd);
  }
  return utilityFrom(own.prefs, own.weights, pkg, world, nd);
}

/**
 * The reservation value a bot holds on to: its no-deal value now, but a bot with low pressure
 * sensitivity reacts only partly to how the world has moved since the start.
 */
export function reservation(own: OwnModel, view: SeatView, start: WorldState, sensitivity: number): number {
  const now = ownNoDeal(own, view.world);
  const then = ownNoDeal(own, { ...start, month: view.world.month });
  return then + sensitivity * (now - then);
}

/** Time in the talks, 0 at round 1, 1 at the last round. */
export function timeOf(view: SeatView): number {
  return view.rounds <= 1 ? 1 : Math.min(1, Math.max(0, (view.round - 1) / (view.rounds - 1)));
}

/**
 * Aspiration at time t: from the top (its best package) down to its reservation value, along
 * t^(1/e). e < 1 holds out (Boulware); e > 1 concedes early (Conceder). Toughness sets how far above
 * the reservation it starts.
 */
export function aspiration(top: number, floor: number, t: number, concession: number, toughness: number): number {
  const start = floor + toughness * (top - floor);
  return start - (start - floor) * t ** (1 / concession);
}

/**
 * Beliefs about one delegation: a score per agenda clause (indexed like spaceOf(scenario)'s clause
 * indexes), + for what it wants, − for what it refuses.
 */
export type ClauseBeliefs = number[];

/** Everyone knows the others' public positions: the starting point of every model, once per scenario. */
const STANCES = new WeakMap<object, ClauseBeliefs[]>();
function stanceBeliefs(scenario: PublicScenario, space: ClauseSpace): ClauseBeliefs[] {
  return memo(STANCES, scenario.delegations, () =>
    DELEGATION_IDS.map((d) => {
      const beliefs: ClauseBeliefs = [];
      for (let k = 0; k < space.clauseCount; k += 1) beliefs.push(0);
      const stance = scenario.delegations[d].publicStance;
      const add = (clause: string, amount: number) => {
        const k = space.clauseIndex.get(clause);
        if (k !== undefined) beliefs[k] = (beliefs[k] as number) + amount;
      };
      for (const clause of stance?.demands ?? []) add(clause, 1);
      for (const clause of stance?.refuses ?? []) add(clause, -2);
      return beliefs;
    }),
  );
}

function add(beliefs: ClauseBeliefs, clauses: readonly number[], amount: number): void {
  for (let c = 0; c < clauses.length; c += 1) {
    const k = clauses[c] as number;
    beliefs[k] = (beliefs[k] as number) + amount;
  }
}

/**
 * Opponent models for every delegation (by DELEGATION_IDS index; its own is its public stance),
 * learned from the proposals history in the view. Shared, read-only arrays: see replayedModel.
 */
export function opponentModels(
  scenario: PublicScenario,
  view: SeatView,
  self: DelegationId,
  level: BotLevel,
): readonly ClauseBeliefs[] {
  const space = spaceOf(scenario);
  const stances = stanceBeliefs(scenario, space);
  const models: ClauseBeliefs[] = [];
  for (let d = 0; d < DELEGATION_IDS.length; d += 1) {
    const stance = stances[d] as ClauseBeliefs;
    // A novice does not learn from the talks themselves; nor does a bot about itself (its own
    // drafts and answers only ever went into its model of itself, which stays its stance).
    if (level === 'novice' || DELEGATION_IDS[d] === self) models.push(stance);
    else models.push(replayedModel(space, stance, view.proposals, d));
  }
  return models;
}

/**
 * What a delegation's model was last made from: per proposal its package, author and that
 * delegation's answer (objects the engine never changes once made, as numbered.ts relies on too).
 */
interface Replayed {
  space: ClauseSpace;
  stance: ClauseBeliefs;
  trail: unknown[];
  beliefs: ClauseBeliefs;
}
const REPLAYED: Array<Replayed | undefined> = [];

/**
 * The model of another delegation reads, proposal by proposal, only the package, its author and
 * that delegation's own answer, never who is looking: the bots at the table replay the same
 * history at the same moment. So the last model made of each delegation is kept with what it was
 * made from, and handed out again (never to be changed) when the history reads exactly the same.
 */
function replayedModel(
  space: ClauseSpace,
  stance: ClauseBeliefs,
  proposals: SeatView['proposals'],
  d: number,
): ClauseBeliefs {
  const id = DELEGATION_IDS[d] as DelegationId;
  const last = REPLAYED[d];
  if (last && last.space === space && last.stance === stance && last.trail.length === 3 * proposals.length) {
    let same = true;
    for (let index = 0; index < proposals.length && same; index += 1) {
      const p = proposals[index] as SeatView['proposals'][number];
      const t = 3 * index;
      same = last.trail[t] === p.package && last.trail[t + 1] === p.author && last.trail[t + 2] === p.responses[id];
    }
    if (same) return last.beliefs;
  }
  const beliefs = stance.slice();
  const trail: unknown[] = [];
  const total = proposals.length;
  for (let index = 0; index < total; index += 1) {
    const p = proposals[index] as SeatView['proposals'][number];
    const r = p.responses[id];
    trail.push(p.package, p.author, r);
    // Recent moves say more about where a delegation stands now.
    const recency = 0.5 + (0.5 * (index + 1)) / total;
    if (p.author === id) add(beliefs, numbered(space, p.package).clauses, 1 * recency);
    if (!r || id === p.author) continue;
    const clauses = numbered(space, p.package).clauses;
    if (r.response === 'accept') {
      add(beliefs, clauses, 0.5 * recency);
      continue;
    }
    add(beliefs, clauses, -0.2 * recency);
    // A clause named as a red line is what that delegation can never take; an objection only costs.
    for (const reason of r.reasons) {
      const k = reason.clause ? space.clauseIndex.get(reason.clause) : undefined;
      if (k === undefined) continue;
      if (reason.severity === 'red-line') beliefs[k] = (beliefs[k] as number) - 3;
      else {
        // Objections add up, but on their own never to a veto: a price can still be paid.
        const current = beliefs[k] as number;
        if (current > -2) beliefs[k] = Math.max(-2, current - 0.7);
      }
    }
    if (r.counter) add(beliefs, numbered(space, r.counter).clauses, 1 * recency);
  }
  REPLAYED[d] = { space, stance, trail, beliefs };
  return beliefs;
}

/** The world at the start, from the public scenario (what every seat knows); read-only, once per scenario. */
const START_WORLDS = new WeakMap<object, WorldState>();
export function startWorld(scenario: PublicScenario): WorldState {
  return memo(START_WORLDS, scenario.world, () => ({
    values: Object.fromEntries(scenario.world.variables.map((v) => [v.id, v.initial])),
    flags: [],
    month: 0,
  }));
}
