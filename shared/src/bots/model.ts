/**
 * What an AI delegation knows and believes: its own numbers (from its private preferences) and
 * the rules it must keep (its red lines and ratification rules, compiled), its concession curve,
 * and an opponent model learned from what the others did at the table (their drafts, answers and
 * reasons).
 *
 * Literature: time-dependent tactics (Faratin, Sierra & Jennings 1998: Boulware e < 1, Conceder
 * e > 1), the ACnext acceptance condition (Baarslag et al. 2014), and frequency opponent models
 * (the "HardHeaded" agent, ANAC 2011): issues an opponent keeps fixed and options it keeps
 * proposing are what it values; clauses it names when rejecting are what it cannot take.
 */
import type { SeatView } from '../engine/view.ts';
import { compileDelegationRules, type DelegationRules } from '../scenario/compiled.ts';
import { noDealFrom, utilityFrom, type WorldState, weightsOf } from '../scenario/evaluate.ts';
import type { PublicScenario } from '../scenario/public.ts';
import {
  DELEGATION_IDS,
  type DelegationId,
  type Package,
  type Preferences,
  type RatificationRule,
  type RedLine,
} from '../scenario/schema.ts';
import type { ClauseSpace } from '../scenario/space.ts';
import type { NumberedPackages } from './numbered.ts';
import type { ClauseBeliefs } from './publicRules.ts';

/**
 * The bot's own numbers and rules, from its private content: made once per bot seat. Its numbers
 * are arrays by issue index and by clause index (space.ts), the form the offer search reads.
 */
export interface OwnModel {
  readonly self: DelegationId;
  readonly prefs: Preferences;
  readonly weights: Readonly<Record<string, number>>;
  /** Per issue index: its normalised weight. */
  readonly issueWeight: readonly number[];
  /** Per clause index: the bot's own utility of the clause, unweighted (the mediator's tie-breaker). */
  readonly utility: readonly number[];
  /** Per clause index: what the clause is worth to it, weight × utility. */
  readonly value: readonly number[];
  /** Per issue index: its own utility of the issue's default (0 if the content names none). */
  readonly defaultUtility: readonly number[];
  /** max over options of weight·utility per issue, for "how much does this clause cost me". */
  readonly best: Readonly<Record<string, { option: string; value: number }>>;
  /** The issue that matters most to it (its heaviest weight): what it says it will come back to. */
  readonly topIssue: string;
  /** Its red lines and ratification rules, compiled against the agenda. */
  readonly rules: DelegationRules;
}

/** What an own model is made from: the bot's private content (view.private[self]). */
export interface OwnContent {
  preferences: Preferences;
  redLines: readonly RedLine[];
  ratification: readonly RatificationRule[];
}

export function buildOwnModel(
  scenario: PublicScenario,
  space: ClauseSpace,
  self: DelegationId,
  content: OwnContent,
): OwnModel {
  const prefs = content.preferences;
  const weights = weightsOf(prefs);
  const best: Record<string, { option: string; value: number }> = {};
  for (const issue in prefs.utilities) {
    const options = prefs.utilities[issue] as Record<string, number>;
    let option = '';
    let u = Number.NEGATIVE_INFINITY;
    for (const id in options) {
      // The first of the options it likes most.
      if ((options[id] as number) > u) {
        option = id;
        u = options[id] as number;
      }
    }
    best[issue] = { option, value: (weights[issue] ?? 0) * u };
  }
  // The issue that weighs most, the first of them.
  let topIssue = '';
  for (const issue in weights)
    if (topIssue === '' || (weights[issue] as number) > (weights[topIssue] as number)) topIssue = issue;
  const issueWeight: number[] = [];
  const utility: number[] = [];
  const value: number[] = [];
  const defaultUtility: number[] = [];
  for (const issue of space.issues) {
    const weight = weights[issue.id] ?? 0;
    const utilities = prefs.utilities[issue.id];
    issueWeight.push(weight);
    defaultUtility.push(utilities?.[issue.default] ?? 0);
    for (const option of issue.options) {
      const u = utilities?.[option.id] ?? 0;
      utility.push(u);
      value.push(weight * u);
    }
  }
  return {
    self,
    prefs,
    weights,
    issueWeight,
    utility,
    value,
    defaultUtility,
    best,
    topIssue,
    rules: compileDelegationRules(space, self, scenario.delegations[self].name, content),
  };
}

/** The no-deal value from the bot's own formula (same as evaluate.ts, from private data only). */
export function ownNoDeal(own: OwnModel, world: WorldState): number {
  return noDealFrom(own.prefs, world);
}

/** Own utility of a package: the same model as evaluate.ts, from the bot's own preferences only. */
export function ownUtility(own: OwnModel, pkg: Readonly<Package>, world: WorldState): number {
  return utilityFrom(own.prefs, own.weights, pkg, world);
}

/**
 * The reservation value a bot holds on to: its no-deal value now, but a bot with low pressure
 * sensitivity reacts only partly to how the world has moved since the start.
 */
export function reservation(own: OwnModel, world: WorldState, start: WorldState, sensitivity: number): number {
  const now = ownNoDeal(own, world);
  const then = ownNoDeal(own, { ...start, month: world.month });
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

function add(beliefs: number[], clauses: readonly number[], amount: number): void {
  for (const k of clauses) beliefs[k] = (beliefs[k] as number) + amount;
}

/**
 * The model of one delegation learned from the proposals in the view: each proposal's package,
 * author and that delegation's own answer move its stance. Recent moves say more about where a
 * delegation stands now.
 */
export function replayModel(
  space: ClauseSpace,
  stance: ClauseBeliefs,
  proposals: SeatView['proposals'],
  id: DelegationId,
  packages: NumberedPackages,
): ClauseBeliefs {
  const beliefs = stance.slice();
  const total = proposals.length;
  for (let index = 0; index < total; index += 1) {
    const p = proposals[index] as SeatView['proposals'][number];
    const r = p.responses[id];
    const recency = 0.5 + (0.5 * (index + 1)) / total;
    if (p.author === id) add(beliefs, packages.of(p.package).clauses, 1 * recency);
    if (!r || id === p.author) continue;
    const clauses = packages.of(p.package).clauses;
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
    if (r.counter) add(beliefs, packages.of(r.counter).clauses, 1 * recency);
  }
  return beliefs;
}

/** What the opponent models are made from: a bot seat's memory (memory.ts). */
export interface ModelSources {
  self: DelegationId;
  space: ClauseSpace;
  stances: readonly ClauseBeliefs[];
  packages: NumberedPackages;
}

/**
 * Opponent models of every delegation, by DELEGATION_IDS index, learned from the proposals in the
 * view, at every level (a novice's weaknesses are elsewhere: a misjudged aspiration, its own
 * ratification ignored). A bot does not learn about itself (its own drafts and answers would only
 * ever go into its model of itself, which stays its stance).
 */
export function opponentModels(sources: ModelSources, view: SeatView): ClauseBeliefs[] {
  return DELEGATION_IDS.map((d, index) => {
    const stance = sources.stances[index] as ClauseBeliefs;
    if (d === sources.self) return stance;
    return replayModel(sources.space, stance, view.proposals, d, sources.packages);
  });
}
