/**
 * Scoring for the debrief and for bots: every delegation's utility for any package (or no deal),
 * the Pareto frontier of the agenda at a world state, the Nash bargaining point, and distances.
 *
 * The agenda has billions of packages, so the frontier is found by weighted-sum scalarisation:
 * utilities are additive over issues (evaluate.ts; an issue left open is worth the no-deal value),
 * so for a weight vector λ the best package is chosen issue by issue; red lines and
 * incompatibilities are then repaired by the cheapest single-issue changes. Sweeping λ over the
 * simplex gives the supported points of the frontier; dominated points are dropped. The Nash
 * point (max Π(u_d − noDeal_d)) starts from the best frontier point and is polished by local search.
 */
import { compileRules, type ScenarioRules } from '../scenario/compiled.ts';
import {
  noDealValue,
  packageProblems,
  signingProblemCount,
  utilityFrom,
  type WorldState,
} from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Package, type Scenario } from '../scenario/schema.ts';
import { scoreFor } from '../scenario/score.ts';
import { choiceOf, keyOfChoice } from '../scenario/space.ts';
import { Badness, bestFor, issueValues, simplexGrid, type Utilities } from './frontier.ts';

export { simplexGrid, type Utilities };

export interface ScoreRow {
  utility: number;
  noDeal: number;
  /** utility − noDeal: what the deal is worth over walking away. */
  surplus: number;
}

/** Every delegation's score for a package (null = no deal) at a world state. */
export function scorePackage(
  rules: ScenarioRules,
  pkg: Readonly<Package> | null,
  world: WorldState,
): Record<DelegationId, ScoreRow> {
  const rows = DELEGATION_IDS.map((d) => {
    const { utility, noDeal, difference } = scoreFor(rules, d, pkg, world);
    return [d, { utility, noDeal, surplus: difference }];
  });
  return Object.fromEntries(rows) as Record<DelegationId, ScoreRow>;
}

/** packageUtility, with the weights the compiled scenario worked out once. */
function utilityOf(rules: ScenarioRules, d: DelegationId, pkg: Readonly<Package>, world: WorldState): number {
  return utilityFrom(rules.scenario.delegations[d].preferences, rules.weights[d], pkg, world);
}

export function utilitiesOf(rules: ScenarioRules, pkg: Readonly<Package>, world: WorldState): Utilities {
  return Object.fromEntries(DELEGATION_IDS.map((d) => [d, utilityOf(rules, d, pkg, world)])) as Utilities;
}

/**
 * A package that could be signed and hold: well formed, crossing no required signatory's red line,
 * and surviving every signatory's ratification rules at this world state.
 */
export function isSignable(rules: ScenarioRules, pkg: Readonly<Package>, world: WorldState): boolean {
  if (packageProblems(rules.space, pkg).length > 0) return false;
  const delegations = DELEGATION_IDS.map((d) => rules.delegations[d]);
  return signingProblemCount(rules.space, delegations, choiceOf(rules.space, pkg), world) === 0;
}

export interface FrontierPoint {
  package: Package;
  utilities: Utilities;
}

function dominates(a: Utilities, b: Utilities): boolean {
  let strictly = false;
  for (const d of DELEGATION_IDS) {
    if (a[d] < b[d] - 1e-12) return false;
    if (a[d] > b[d] + 1e-12) strictly = true;
  }
  return strictly;
}

/** The (supported) Pareto frontier of signable packages at this world state. */
export function paretoFrontier(rules: ScenarioRules, world: WorldState, steps = 8): FrontierPoint[] {
  const table = issueValues(rules, world);
  const space = rules.space;
  const badness = new Badness(rules, world, 16_384);
  const seen = new Map<string, FrontierPoint>();
  for (const lambda of simplexGrid(steps)) {
    const pkg = bestFor(
      space,
      table,
      DELEGATION_IDS.map((d) => lambda[d]),
      badness,
    );
    if (!pkg) continue;
    const key = JSON.stringify(pkg);
    if (!seen.has(key)) seen.set(key, { package: pkg, utilities: utilitiesOf(rules, pkg, world) });
  }
  const points = [...seen.values()];
  return points.filter((p) => !points.some((q) => q !== p && dominates(q.utilities, p.utilities)));
}

function nashProduct(u: Utilities, nd: Utilities): number {
  let log = 0;
  for (const d of DELEGATION_IDS) {
    const gain = u[d] - nd[d];
    if (gain <= 0) return Number.NEGATIVE_INFINITY;
    log += Math.log(gain);
  }
  return log;
}

/**
 * The Nash bargaining point: the signable package maximising the product of every delegation's
 * gain over its no-deal value. null when no package leaves all four better off (no zone of
 * possible agreement), which in this scenario is itself a finding for the debrief.
 */
export function nashPoint(
  rules: ScenarioRules,
  world: WorldState,
  frontier = paretoFrontier(rules, world),
): FrontierPoint | null {
  const s = rules.scenario;
  const nd = Object.fromEntries(DELEGATION_IDS.map((d) => [d, noDealValue(s, d, world)])) as Utilities;
  let best: FrontierPoint | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const p of frontier) {
    const v = nashProduct(p.utilities, nd);
    if (v > bestValue) [best, bestValue] = [p, v];
  }
  if (!best) return null;
  // Polish: single-issue changes that raise the Nash product and stay signable. Signable is
  // isSignable's verdict (badness 0, memoised as in the frontier search).
  const space = rules.space;
  const badness = new Badness(rules, world);
  const signable = (pkg: Package) => {
    const choice = choiceOf(space, pkg);
    return badness.of(choice, keyOfChoice(space, choice)) === 0;
  };
  for (let improved = true; improved; ) {
    improved = false;
    for (const issue of s.agenda.issues) {
      for (const option of [undefined, ...issue.options.map((o) => o.id)]) {
        const trial: Package = { ...best.package };
        if (option === undefined) delete trial[issue.id];
        else trial[issue.id] = option;
        if (Object.keys(trial).length === 0 || !signable(trial)) continue;
        const u = utilitiesOf(rules, trial, world);
        const v = nashProduct(u, nd);
        if (v > bestValue + 1e-12) {
          [best, bestValue, improved] = [{ package: trial, utilities: u }, v, true];
        }
      }
    }
  }
  return best;
}

export function distance(a: Utilities, b: Utilities): number {
  return Math.sqrt(DELEGATION_IDS.reduce((sum, d) => sum + (a[d] - b[d]) ** 2, 0));
}

/** How far an outcome's utilities lie from the nearest frontier point (0 if nothing on it dominates them). */
export function distanceToFrontier(u: Utilities, frontier: readonly FrontierPoint[]): number {
  const dominating = frontier.filter((p) => DELEGATION_IDS.every((d) => p.utilities[d] >= u[d] - 1e-12));
  if (dominating.length === 0) return 0;
  return Math.min(...dominating.map((p) => distance(u, p.utilities)));
}

export interface DebriefFigures {
  scores: Record<DelegationId, ScoreRow>;
  frontier: FrontierPoint[];
  nash: FrontierPoint | null;
  distanceToFrontier: number;
  distanceToNash: number | null;
}

/**
 * The debrief's numbers for a final package (null = no deal) at the final world. The search
 * compiles the scenario's rules for itself (a small part of its cost).
 */
export function debriefFigures(scenario: Scenario, pkg: Readonly<Package> | null, world: WorldState): DebriefFigures {
  const rules = compileRules(scenario);
  const scores = scorePackage(rules, pkg, world);
  const frontier = paretoFrontier(rules, world);
  const nash = nashPoint(rules, world, frontier);
  const u = Object.fromEntries(DELEGATION_IDS.map((d) => [d, scores[d].utility])) as Utilities;
  return {
    scores,
    frontier,
    nash,
    distanceToFrontier: distanceToFrontier(u, frontier),
    distanceToNash: nash ? distance(u, nash.utilities) : null,
  };
}
