/**
 * The utility model (documented for authors in docs/scenario-authoring.md):
 *   noDeal(d, world, month)  = clamp01(base + Σ coefficient·world[v] + perMonth·month)
 *   utility(d, pkg, world, m) = Σ_{issues the package settles} w_i·u_i(option)·(1 - discount)^m
 *                             + (1 - Σ_{settled} w_i)·noDeal(d, world, m)
 * Issues a package leaves open are worth the delegation's no-deal expectation, so the empty
 * package is worth exactly its no-deal value, a partial deal (say, a prisoner exchange) is judged
 * on the clauses it settles, and a worse world (a lower no-deal value) makes every deal relatively
 * more attractive. Weights are normalised to sum to 1. Pure; re-exported by evaluate.ts.
 */
import type { DelegationId, Effect, Package, Preferences, Scenario } from './schema.ts';
import { clamp, valueAfter, variableOf, type WorldState } from './world.ts';

/** A delegation's value of no deal at this world state, in [0, 1]. */
export function noDealValue(scenario: Scenario, delegation: DelegationId, world: WorldState): number {
  return noDealFrom(scenario.delegations[delegation].preferences, world);
}

/** The no-deal formula from preferences alone (what an AI delegation knows of itself). */
export function noDealFrom(prefs: Preferences, world: WorldState): number {
  const nd = prefs.noDeal;
  const terms = nd.terms.reduce((sum, t) => sum + t.coefficient * (world.values[t.variable] ?? 0), 0);
  return clamp(nd.base + terms + nd.perMonth * world.month, 0, 1);
}

/**
 * noDealFrom(prefs, applyEffects(scenario, world, effects)), without building that world (a bot
 * values each of its levers so, at every talks decision): only the variables the formula reads are
 * followed through the effects, each changed exactly as applyEffects changes it.
 */
export function noDealAfter(
  prefs: Preferences,
  scenario: Pick<Scenario, 'world'>,
  world: WorldState,
  effects: readonly Effect[],
): number {
  const nd = prefs.noDeal;
  let terms = 0;
  for (const t of nd.terms) {
    let value = world.values[t.variable];
    for (const effect of effects) {
      if ('flag' in effect || effect.variable !== t.variable) continue;
      const variable = variableOf(scenario.world, effect.variable);
      if (variable) value = valueAfter(variable, value, effect);
    }
    terms = terms + t.coefficient * (value ?? 0);
  }
  return clamp(nd.base + terms + nd.perMonth * world.month, 0, 1);
}

/** Normalised issue weights of a delegation (sum 1). */
export function normalisedWeights(scenario: Scenario, delegation: DelegationId): Readonly<Record<string, number>> {
  return weightsOf(scenario.delegations[delegation].preferences);
}

/**
 * The weights divided by their sum. Callers that score many packages (the debrief's frontier, a
 * bot's offers) work them out once and pass them to utilityFrom.
 */
export function weightsOf(prefs: Preferences): Readonly<Record<string, number>> {
  let sum = 0;
  for (const issue in prefs.weights) sum += prefs.weights[issue] as number;
  const total = sum || 1;
  const weights: Record<string, number> = {};
  for (const issue in prefs.weights) weights[issue] = (prefs.weights[issue] as number) / total;
  return weights;
}

/** A delegation's utility for one option of one issue, in [0, 1]. */
export function optionUtility(scenario: Scenario, delegation: DelegationId, issue: string, option: string): number {
  return scenario.delegations[delegation].preferences.utilities[issue]?.[option] ?? 0;
}

/** A delegation's utility for a package at a world state, in [0, 1] (see the model at the top). */
export function packageUtility(scenario: Scenario, delegation: DelegationId, pkg: Package, world: WorldState): number {
  const prefs = scenario.delegations[delegation].preferences;
  return utilityFrom(prefs, weightsOf(prefs), pkg, world);
}

/**
 * The utility model from preferences alone. `weights` are the normalised weights and `noDeal` the
 * no-deal value at this world, passed in by callers that compute them once for many packages.
 */
export function utilityFrom(
  prefs: Preferences,
  weights: Readonly<Record<string, number>>,
  pkg: Package,
  world: WorldState,
  noDeal: number = noDealFrom(prefs, world),
): number {
  const discount = (1 - prefs.discountPerMonth) ** world.month;
  let settledWeight = 0;
  let settledValue = 0;
  for (const issue in pkg) {
    const w = weights[issue] ?? 0;
    settledWeight += w;
    settledValue += w * (prefs.utilities[issue]?.[pkg[issue] as string] ?? 0);
  }
  return clamp(settledValue * discount + Math.max(0, 1 - settledWeight) * noDeal, 0, 1);
}
