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
import { noDealFrom, utilityFrom, type WorldState, weightsOf } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Package, type Preferences } from '../scenario/schema.ts';
import type { BotLevel } from './types.ts';

/** The bot's own numbers, from its private preferences (view.private[self]). */
export interface OwnModel {
  self: DelegationId;
  prefs: Preferences;
  weights: Record<string, number>;
  /** max over options of weight·utility per issue, for "how much does this clause cost me". */
  best: Record<string, { option: string; value: number }>;
  noDealCache: WeakMap<WorldState, number>;
}

export function ownModel(view: SeatView, self: DelegationId): OwnModel {
  const prefs = view.private[self]?.preferences;
  if (!prefs) throw new Error(`the view of ${self} has no private preferences`);
  const weights = weightsOf(prefs);
  const best: OwnModel['best'] = {};
  for (const [issue, options] of Object.entries(prefs.utilities)) {
    const [option, u] = Object.entries(options).reduce((a, b) => (b[1] > a[1] ? b : a));
    best[issue] = { option, value: (weights[issue] ?? 0) * u };
  }
  return { self, prefs, weights, best, noDealCache: new WeakMap() };
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

/** Beliefs about one other delegation: a score per clause, + for what it wants, − for what it refuses. */
export type ClauseBeliefs = Record<string, number>;

/** Opponent models for every other delegation, learned from the proposals history in the view. */
export function opponentModels(
  scenario: PublicScenario,
  view: SeatView,
  self: DelegationId,
  level: BotLevel,
): Record<DelegationId, ClauseBeliefs> {
  const models = Object.fromEntries(DELEGATION_IDS.map((d) => [d, {} as ClauseBeliefs])) as Record<
    DelegationId,
    ClauseBeliefs
  >;
  const add = (d: DelegationId, clause: string, amount: number) => {
    models[d][clause] = (models[d][clause] ?? 0) + amount;
  };
  // Everyone knows the others' public positions: the starting point of every model.
  for (const d of DELEGATION_IDS) {
    const stance = scenario.delegations[d].publicStance;
    for (const clause of stance?.demands ?? []) add(d, clause, 1);
    for (const clause of stance?.refuses ?? []) add(d, clause, -2);
  }
  if (level === 'novice') return models; // a novice does not learn from the talks themselves
  const total = view.proposals.length;
  view.proposals.forEach((p, index) => {
    // Recent moves say more about where a delegation stands now.
    const recency = 0.5 + (0.5 * (index + 1)) / total;
    for (const [issue, option] of Object.entries(p.package)) {
      if (p.author !== self) add(p.author, `${issue}.${option}`, 1 * recency);
    }
    for (const d of DELEGATION_IDS) {
      const r = p.responses[d];
      if (!r || d === self || d === p.author) continue;
      if (r.response === 'accept') {
        for (const [issue, option] of Object.entries(p.package)) add(d, `${issue}.${option}`, 0.5 * recency);
      } else {
        for (const [issue, option] of Object.entries(p.package)) add(d, `${issue}.${option}`, -0.2 * recency);
        // A clause named as a red line is what that delegation can never take; an objection only costs.
        for (const reason of r.reasons) {
          if (!reason.clause) continue;
          if (reason.severity === 'red-line') add(d, reason.clause, -3);
          else {
            // Objections add up, but on their own never to a veto: a price can still be paid.
            const current = models[d][reason.clause] ?? 0;
            if (current > -2) models[d][reason.clause] = Math.max(-2, current - 0.7);
          }
        }
        for (const [issue, option] of Object.entries(r.counter ?? {})) add(d, `${issue}.${option}`, 1 * recency);
      }
    }
  });
  return models;
}

/** The world at the start, from the public scenario (what every seat knows). */
export function startWorld(scenario: PublicScenario): WorldState {
  return {
    values: Object.fromEntries(scenario.world.variables.map((v) => [v.id, v.initial])),
    flags: [],
    month: 0,
  };
}
