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
import {
  checkPackage,
  noDealValue,
  normalisedWeights,
  optionUtility,
  packageProblems,
  packageUtility,
  ratificationFailures,
  requiredSignatories,
  type WorldState,
} from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Package, type Scenario } from '../scenario/schema.ts';
import {
  type Choice,
  type ChoiceKey,
  type ClauseSpace,
  choiceProblemCount,
  choiceSignatories,
  compiled,
  emptyChoice,
  keyOfChoice,
  OPEN,
  packageOf,
  settledCount,
  spaceOf,
} from '../scenario/space.ts';

export type Utilities = Record<DelegationId, number>;

export interface ScoreRow {
  utility: number;
  noDeal: number;
  /** utility − noDeal: what the deal is worth over walking away. */
  surplus: number;
}

/** Every delegation's score for a package (null = no deal) at a world state. */
export function scorePackage(s: Scenario, pkg: Package | null, world: WorldState): Record<DelegationId, ScoreRow> {
  const rows = DELEGATION_IDS.map((d) => {
    const noDeal = noDealValue(s, d, world);
    const utility = pkg && Object.keys(pkg).length > 0 ? packageUtility(s, d, pkg, world) : noDeal;
    return [d, { utility, noDeal, surplus: utility - noDeal }];
  });
  return Object.fromEntries(rows) as Record<DelegationId, ScoreRow>;
}

export function utilitiesOf(s: Scenario, pkg: Package, world: WorldState): Utilities {
  return Object.fromEntries(DELEGATION_IDS.map((d) => [d, packageUtility(s, d, pkg, world)])) as Utilities;
}

/**
 * A package that could be signed and hold: well formed, crossing no required signatory's red line,
 * and surviving every signatory's ratification rules at this world state.
 */
export function isSignable(s: Scenario, pkg: Package, world: WorldState): boolean {
  if (packageProblems(s, pkg).length > 0) return false;
  return requiredSignatories(s, pkg).every(
    (d) => checkPackage(s, d, pkg, world).length === 0 && ratificationFailures(s, d, pkg, world).length === 0,
  );
}

/** Per-issue value of each choice (an option, or "" = leave the issue open) for each delegation. */
function issueValues(s: Scenario, world: WorldState) {
  const nd = Object.fromEntries(DELEGATION_IDS.map((d) => [d, noDealValue(s, d, world)]));
  const weights = Object.fromEntries(DELEGATION_IDS.map((d) => [d, normalisedWeights(s, d)]));
  const discount = Object.fromEntries(
    DELEGATION_IDS.map((d) => [d, (1 - s.delegations[d].preferences.discountPerMonth) ** world.month]),
  );
  return s.agenda.issues.map((issue) => ({
    issue: issue.id,
    choices: ['', ...issue.options.map((o) => o.id)].map((option) => ({
      option,
      value: Object.fromEntries(
        DELEGATION_IDS.map((d) => {
          const w = weights[d]?.[issue.id] ?? 0;
          const v = option === '' ? (nd[d] ?? 0) : optionUtility(s, d, issue.id, option) * (discount[d] ?? 1);
          return [d, w * v];
        }),
      ) as Utilities,
    })),
  }));
}

type IssueValues = ReturnType<typeof issueValues>;
type IssueChoice = IssueValues[number]['choices'][number];

function scalar(values: Utilities, lambda: Utilities): number {
  return DELEGATION_IDS.reduce((sum, d) => sum + lambda[d] * values[d], 0);
}

/**
 * How far a package is from signable: its problems, plus every required signatory's broken red
 * lines and failed ratification rules (0 = signable, for a package that settles something).
 * Memoised per frontier search by the choice's key: the repairs of neighbouring weight vectors try
 * the same packages over and over.
 */
type Badness = (choice: Choice, key: ChoiceKey) => number;
function badnessMemo(s: Scenario, world: WorldState, space: ClauseSpace): Badness {
  const memo = new Map<ChoiceKey, number>();
  return (choice, key) => {
    let b = memo.get(key);
    if (b === undefined) {
      b = settledCount(choice) === 0 ? 99 : countProblems(s, space, choice, world);
      memo.set(key, b);
    }
    return b;
  };
}

/**
 * packageProblems(…).length plus, per required signatory, checkPackage(…).length and
 * ratificationFailures(…).length, on the compiled checks (space.test.ts holds them equal).
 */
function countProblems(s: Scenario, space: ClauseSpace, choice: Choice, world: WorldState): number {
  let count = choiceProblemCount(space, choice);
  const signatories = choiceSignatories(space, choice);
  DELEGATION_IDS.forEach((d, index) => {
    if (!((signatories >> index) & 1)) return;
    const delegation = s.delegations[d];
    for (const line of delegation.redLines) if (compiled(space, line.breaksWhen)(choice, world)) count += 1;
    for (const rule of delegation.ratification) if (!compiled(space, rule.requires)(choice, world)) count += 1;
  });
  return count;
}

/**
 * Best package for λ, then repaired into a signable one by the cheapest single-issue changes. The
 * choice is an index per issue into its row of choices (0 = left open), so a trial is one number
 * changed and its key one addition.
 */
function bestFor(space: ClauseSpace, table: IssueValues, lambda: Utilities, badness: Badness): Package | null {
  const choice: Choice = emptyChoice(space);
  table.forEach((row, i) => {
    let best = 0;
    for (let c = 1; c < row.choices.length; c += 1) {
      if (
        scalar((row.choices[c] as IssueChoice).value, lambda) > scalar((row.choices[best] as IssueChoice).value, lambda)
      )
        best = c;
    }
    choice[i] = best + OPEN;
  });
  for (let attempt = 0; attempt < table.length * 2; attempt += 1) {
    const key = keyOfChoice(space, choice);
    // Same verdict as isSignable: nothing wrong with it for anyone who must sign it.
    const current = badness(choice, key);
    if (current === 0) return packageOf(space, choice);
    let bestMove: { issue: number; option: number; cost: number; badness: number } | null = null;
    table.forEach((row, i) => {
      const at = (choice[i] as number) - OPEN;
      const now = row.choices[at] as IssueChoice;
      const place = space.places?.[i];
      row.choices.forEach((alt, c) => {
        if (c === at) return;
        choice[i] = c + OPEN;
        const b = badness(
          choice,
          place === undefined ? keyOfChoice(space, choice) : (key as number) + (c - at) * place,
        );
        choice[i] = at + OPEN;
        if (b >= current) return;
        const cost = scalar(now.value, lambda) - scalar(alt.value, lambda);
        if (!bestMove || b < bestMove.badness || (b === bestMove.badness && cost < bestMove.cost)) {
          bestMove = { issue: i, option: c + OPEN, cost, badness: b };
        }
      });
    });
    const move = bestMove as { issue: number; option: number } | null;
    if (!move) return null;
    choice[move.issue] = move.option;
  }
  return null;
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

/** Weight vectors on the 4-simplex with the given number of steps per axis (steps=8: 165 vectors). */
export function simplexGrid(steps: number): Utilities[] {
  const out: Utilities[] = [];
  for (let a = 0; a <= steps; a += 1)
    for (let b = 0; a + b <= steps; b += 1)
      for (let c = 0; a + b + c <= steps; c += 1) {
        const d = steps - a - b - c;
        out.push({ ukraine: a / steps, russia: b / steps, us: c / steps, europe: d / steps });
      }
  return out;
}

/** The (supported) Pareto frontier of signable packages at this world state. */
export function paretoFrontier(s: Scenario, world: WorldState, steps = 8): FrontierPoint[] {
  const table = issueValues(s, world);
  const space = spaceOf(s);
  const badness = badnessMemo(s, world, space);
  const seen = new Map<string, FrontierPoint>();
  for (const lambda of simplexGrid(steps)) {
    const pkg = bestFor(space, table, lambda, badness);
    if (!pkg) continue;
    const key = JSON.stringify(pkg);
    if (!seen.has(key)) seen.set(key, { package: pkg, utilities: utilitiesOf(s, pkg, world) });
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
export function nashPoint(s: Scenario, world: WorldState, frontier = paretoFrontier(s, world)): FrontierPoint | null {
  const nd = Object.fromEntries(DELEGATION_IDS.map((d) => [d, noDealValue(s, d, world)])) as Utilities;
  let best: FrontierPoint | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const p of frontier) {
    const v = nashProduct(p.utilities, nd);
    if (v > bestValue) [best, bestValue] = [p, v];
  }
  if (!best) return null;
  // Polish: single-issue changes that raise the Nash product and stay signable.
  for (let improved = true; improved; ) {
    improved = false;
    for (const issue of s.agenda.issues) {
      for (const option of [undefined, ...issue.options.map((o) => o.id)]) {
        const trial: Package = { ...best.package };
        if (option === undefined) delete trial[issue.id];
        else trial[issue.id] = option;
        if (Object.keys(trial).length === 0 || !isSignable(s, trial, world)) continue;
        const u = utilitiesOf(s, trial, world);
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

/** The debrief's numbers for a final package (null = no deal) at the final world. */
export function debriefFigures(s: Scenario, pkg: Package | null, world: WorldState): DebriefFigures {
  const scores = scorePackage(s, pkg, world);
  const frontier = paretoFrontier(s, world);
  const nash = nashPoint(s, world, frontier);
  const u = Object.fromEntries(DELEGATION_IDS.map((d) => [d, scores[d].utility])) as Utilities;
  return {
    scores,
    frontier,
    nash,
    distanceToFrontier: distanceToFrontier(u, frontier),
    distanceToNash: nash ? distance(u, nash.utilities) : null,
  };
}
