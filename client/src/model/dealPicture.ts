/**
 * "The deal against the possible" for two chosen delegations: the server's figures (computed in
 * the world the talks ended in: shared/src/engine/dealAnalysis.ts) projected onto the pair, and the
 * frontier as the pair sees it (the signable packages neither of them could improve on without the
 * other losing). Pure: the chart and its text alternative draw from this.
 */
import type { DealAnalysis } from '@peace-table/shared/debriefApi';
import { DELEGATION_IDS, type DelegationId } from '@peace-table/shared/scenario/ids';

export type XY = [number, number];

export interface PairPicture {
  pair: [DelegationId, DelegationId];
  cloud: XY[];
  /** The pair's frontier, left to right. */
  frontier: XY[];
  outcome: XY;
  paper: XY | null;
  walkAway: XY;
  nash: XY | null;
  closest: XY | null;
}

function project(point: readonly number[] | null, a: number, b: number): XY | null {
  return point ? [point[a] as number, point[b] as number] : null;
}

/** The points no other point beats on both axes, sorted by the first. */
export function pairFrontier(points: readonly XY[]): XY[] {
  const sorted = [...points].sort((p, q) => q[0] - p[0] || q[1] - p[1]);
  const frontier: XY[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const p of sorted) {
    if (p[1] > best + 1e-9) {
      frontier.push(p);
      best = p[1];
    }
  }
  return frontier.reverse();
}

export function pairPicture(analysis: DealAnalysis, pair: [DelegationId, DelegationId]): PairPicture {
  const a = DELEGATION_IDS.indexOf(pair[0]);
  const b = DELEGATION_IDS.indexOf(pair[1]);
  const cloud = analysis.cloud.map((p) => project(p, a, b) as XY);
  return {
    pair,
    cloud,
    frontier: pairFrontier(cloud),
    outcome: project(analysis.outcome, a, b) as XY,
    paper: project(analysis.paper, a, b),
    walkAway: project(analysis.walkAway, a, b) as XY,
    nash: project(analysis.nash, a, b),
    closest: project(analysis.closest, a, b),
  };
}

/** Was there any package all four could sign that left both of the pair better off than walking away? */
export function zoneOfAgreement(picture: PairPicture): boolean {
  return picture.cloud.some(([x, y]) => x > picture.walkAway[0] && y > picture.walkAway[1]);
}
