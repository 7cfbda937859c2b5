/**
 * "The deal against the possible", for the debrief: the package the talks produced (or came
 * closest to) beside what was possible in the world the talks ended in. Every figure comes from
 * the debrief's scoring (scoring.ts, search in frontier.ts); this is the only debrief code that
 * calls it, so a change to how a package is scored reaches the charts through here alone.
 *
 * It says what really happened: the outcome's own scores are the talks' result (a deal that failed
 * at home is no deal); the reference package's "paper" scores stand beside them and are labelled
 * for what the package was (an agreement, one signed but rejected at home, or the best draft).
 *
 * The cloud of signable packages is a seeded sample, not all of the agenda's billions: the points
 * the frontier searches find (all four delegations weighted, and every pair on its own), and a
 * random walk through signable packages, one clause changed at a time.
 */

import type { ScenarioRules } from '../scenario/compiled.ts';
import type { WorldState } from '../scenario/evaluate.ts';
import { DELEGATION_IDS, type DelegationId, type Package } from '../scenario/schema.ts';
import { choiceOf, keyOfChoice, OPEN, packageOf } from '../scenario/space.ts';
import { Badness, bestFor, issueValues } from './frontier.ts';
import { nextRandom, seedState } from './rng.ts';
import {
  distance,
  distanceToFrontier,
  nashPoint,
  paretoFrontier,
  scorePackage,
  type Utilities,
  utilitiesOf,
} from './scoring.ts';
import type { NegotiationContext, Proposal } from './types.ts';

/** Four utilities in DELEGATION_IDS order (compact on the wire: a cloud has hundreds of points). */
export type Point = [number, number, number, number];

export type ReferenceKind = 'agreement' | 'failedAtHome' | 'bestDraft' | 'none';

export interface DealRow {
  delegation: DelegationId;
  /** What the talks' outcome gave it (no deal when nothing was ratified). */
  outcome: number;
  /** The reference package on paper, as if it had held; null when there is none. */
  paper: number | null;
  walkAway: number;
  nash: number | null;
  closest: number | null;
}

export interface DealAnalysis {
  /** The month (0-based, of the scenario's calendar) whose world everything is scored in. */
  month: number;
  reference: { kind: ReferenceKind; proposalId: string | null; round: number | null; package: Package | null };
  rows: DealRow[];
  outcome: Point;
  paper: Point | null;
  walkAway: Point;
  nash: Point | null;
  closest: Point | null;
  frontier: Point[];
  /** Signable packages (a sample, see above), frontier points included. */
  cloud: Point[];
  distanceToFrontier: number | null;
  distanceToNash: number | null;
}

const point = (u: Utilities): Point => DELEGATION_IDS.map((d) => u[d]) as Point;

/** The concluding agreement (ratified or not), else the draft that left its least-satisfied signatory best off. */
function referenceOf(
  rules: ScenarioRules,
  ctx: NegotiationContext,
  world: WorldState,
): { kind: ReferenceKind; proposal: Proposal | null; package: Package | null } {
  const concluding = [...ctx.agreements].reverse().find((a) => a.concluding);
  if (concluding) {
    const proposal = ctx.proposals.find((p) => p.id === concluding.proposalId) ?? null;
    const pkg = ctx.result?.agreement ?? concluding.package;
    return { kind: concluding.ratified ? 'agreement' : 'failedAtHome', proposal, package: pkg };
  }
  let best: Proposal | null = null;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const p of ctx.proposals) {
    if (Object.keys(p.package).length === 0) continue;
    const scores = scorePackage(rules, p.package, world);
    const worst = Math.min(...p.signatories.map((d) => scores[d].surplus));
    if (worst > bestValue) [best, bestValue] = [p, worst];
  }
  return best
    ? { kind: 'bestDraft', proposal: best, package: best.package }
    : { kind: 'none', proposal: null, package: null };
}

const CLOUD_WALK = 4000;
const CLOUD_MAX = 600;

/** Signable packages: every pair's frontier sweep, the full frontier, then a seeded random walk. */
function signableCloud(rules: ScenarioRules, world: WorldState, frontier: readonly Package[], seed: number): Package[] {
  const space = rules.space;
  const table = issueValues(rules, world);
  const badness = new Badness(rules, world, 8192);
  const found = new Map<string, Package>();
  const add = (pkg: Package | null) => {
    if (pkg && Object.keys(pkg).length > 0) found.set(JSON.stringify(pkg), pkg);
  };
  for (const pkg of frontier) add(pkg);
  for (let a = 0; a < DELEGATION_IDS.length; a += 1)
    for (let b = a + 1; b < DELEGATION_IDS.length; b += 1)
      for (let t = 0; t <= 10; t += 1) {
        const lambda = DELEGATION_IDS.map((_, i) => (i === a ? t / 10 : i === b ? 1 - t / 10 : 0.001));
        add(bestFor(space, table, lambda, badness));
      }
  const starts = [...found.values()];
  if (starts.length === 0) return [];
  let rng = seedState(seed);
  const draw = (n: number) => {
    const [r, next] = nextRandom(rng);
    rng = next;
    return Math.floor(r * n);
  };
  let choice = choiceOf(space, starts[draw(starts.length)] as Package);
  for (let i = 0; i < CLOUD_WALK && found.size < CLOUD_MAX; i += 1) {
    const issue = draw(space.issues.length);
    const options = (rules.scenario.agenda.issues[issue]?.options.length ?? 0) + 1;
    const was = choice[issue] as number;
    choice[issue] = draw(options) + OPEN;
    if (badness.of(choice, keyOfChoice(space, choice)) === 0) add(packageOf(space, choice));
    else choice[issue] = was;
    // Now and then start again from a frontier point, so the walk covers more than one region.
    if (i % 400 === 399) choice = choiceOf(space, starts[draw(starts.length)] as Package);
  }
  return [...found.values()];
}

/** The figures for a game that has ended (or for its state so far), with the scenario's compiled rules. */
export function dealAnalysis(rules: ScenarioRules, ctx: NegotiationContext): DealAnalysis {
  const world = ctx.world;
  const reference = referenceOf(rules, ctx, world);
  const frontier = paretoFrontier(rules, world);
  const nash = nashPoint(rules, world, frontier);
  const walk = scorePackage(rules, null, world);
  const walkAway = point(Object.fromEntries(DELEGATION_IDS.map((d) => [d, walk[d].noDeal])) as Utilities);
  const outcome: Point = ctx.result
    ? (DELEGATION_IDS.map((d) => ctx.result?.scores[d].utility ?? 0) as Point)
    : walkAway;
  const paperU = reference.package ? utilitiesOf(rules, reference.package, world) : null;
  const target = paperU ?? (Object.fromEntries(DELEGATION_IDS.map((d, i) => [d, outcome[i]])) as Utilities);
  const closest = frontier.reduce<(typeof frontier)[number] | null>(
    (best, p) => (!best || distance(p.utilities, target) < distance(best.utilities, target) ? p : best),
    null,
  );
  const cloud = signableCloud(
    rules,
    world,
    frontier.map((p) => p.package),
    ctx.seed,
  ).map((pkg) => point(utilitiesOf(rules, pkg, world)));
  return {
    month: world.month,
    reference: {
      kind: reference.kind,
      proposalId: reference.proposal?.id ?? null,
      round: reference.proposal?.round ?? null,
      package: reference.package,
    },
    rows: DELEGATION_IDS.map((d, i) => ({
      delegation: d,
      outcome: outcome[i] as number,
      paper: paperU ? paperU[d] : null,
      walkAway: walkAway[i] as number,
      nash: nash ? nash.utilities[d] : null,
      closest: closest ? closest.utilities[d] : null,
    })),
    outcome,
    paper: paperU ? point(paperU) : null,
    walkAway,
    nash: nash ? point(nash.utilities) : null,
    closest: closest ? point(closest.utilities) : null,
    frontier: frontier.map((p) => point(p.utilities)),
    cloud,
    distanceToFrontier: paperU ? distanceToFrontier(paperU, frontier) : null,
    distanceToNash: paperU && nash ? distance(paperU, nash.utilities) : null,
  };
}
