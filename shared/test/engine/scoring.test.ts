/** Scoring: package scores, the Pareto frontier, the Nash point and distances, on the fixture. */
import { describe, expect, it } from 'vitest';
import {
  debriefFigures,
  distance,
  distanceToFrontier,
  isSignable,
  nashPoint,
  paretoFrontier,
  scorePackage,
  simplexGrid,
  utilitiesOf,
} from '../../src/engine/scoring.ts';
import { compileRules } from '../../src/scenario/compiled.ts';
import { initialWorld, noDealValue } from '../../src/scenario/evaluate.ts';
import { DELEGATION_IDS } from '../../src/scenario/schema.ts';
import { fixtureScenario as s } from './fixture.ts';

const rules = compileRules(s);

const world = initialWorld(s);

describe('scorePackage', () => {
  it('no deal scores every delegation at its no-deal value with zero surplus', () => {
    for (const row of Object.values(scorePackage(rules, null, world))) {
      expect(row.utility).toBe(row.noDeal);
      expect(row.surplus).toBe(0);
    }
  });
  it('a prisoner exchange is a gain for Ukraine and Russia', () => {
    const rows = scorePackage(rules, { prisoners: 'all-for-all' }, world);
    expect(rows.ukraine.surplus).toBeGreaterThan(0);
    expect(rows.russia.surplus).toBeGreaterThan(0);
  });
});

describe('simplexGrid', () => {
  it('covers the simplex: 165 weight vectors for 8 steps, each summing to 1', () => {
    const grid = simplexGrid(8);
    expect(grid).toHaveLength(165);
    for (const w of grid) expect(DELEGATION_IDS.reduce((a, d) => a + w[d], 0)).toBeCloseTo(1, 12);
  });
});

describe('paretoFrontier', () => {
  const frontier = paretoFrontier(rules, world);
  it('contains only signable packages, none dominated by another', () => {
    expect(frontier.length).toBeGreaterThan(1);
    for (const p of frontier) {
      expect(isSignable(rules, p.package, world)).toBe(true);
      for (const q of frontier) {
        if (p === q) continue;
        const dominates =
          DELEGATION_IDS.every((d) => q.utilities[d] >= p.utilities[d]) &&
          DELEGATION_IDS.some((d) => q.utilities[d] > p.utilities[d]);
        expect(dominates).toBe(false);
      }
    }
  });
  it('never contains a package that breaks a required signatory’s red line', () => {
    expect(frontier.some((p) => p.package['status-crimea'] === 'recognised')).toBe(false);
  });
  it('includes each delegation’s own best signable package (its corner of the simplex)', () => {
    const ukraineBest = frontier.reduce((a, b) => (b.utilities.ukraine > a.utilities.ukraine ? b : a));
    expect(ukraineBest.package['status-crimea']).toBe('restored');
  });
});

describe('nashPoint', () => {
  it('leaves every delegation better off than no deal, and beats every frontier point on the Nash product', () => {
    const frontier = paretoFrontier(rules, world);
    const nash = nashPoint(rules, world, frontier);
    expect(nash).not.toBeNull();
    const product = (u: Record<string, number>) =>
      DELEGATION_IDS.reduce((acc, d) => acc * ((u[d] as number) - noDealValue(s, d, world)), 1);
    for (const d of DELEGATION_IDS) expect(nash?.utilities[d]).toBeGreaterThan(noDealValue(s, d, world));
    for (const p of frontier) {
      if (DELEGATION_IDS.every((d) => p.utilities[d] > noDealValue(s, d, world))) {
        expect(product(nash?.utilities ?? {})).toBeGreaterThanOrEqual(product(p.utilities) - 1e-12);
      }
    }
  });
  it('is null when no package leaves everyone better off', () => {
    const hopeless = { ...world, values: { ...world.values } };
    const scenario = {
      ...s,
      delegations: {
        ...s.delegations,
        russia: {
          ...s.delegations.russia,
          preferences: { ...s.delegations.russia.preferences, noDeal: { base: 1, terms: [], perMonth: 0 } },
        },
      },
    };
    expect(nashPoint(compileRules(scenario), hopeless)).toBeNull();
  });
});

describe('distances', () => {
  it('a frontier point is at distance 0; no deal is further from the frontier than a good deal', () => {
    const frontier = paretoFrontier(rules, world);
    const first = frontier[0];
    expect(first && distanceToFrontier(first.utilities, frontier)).toBe(0);
    const noDeal = debriefFigures(s, null, world);
    const deal = debriefFigures(
      s,
      { prisoners: 'all-for-all', ceasefire: 'line', nato: 'renounced', force: 'european-force' },
      world,
    );
    expect(noDeal.distanceToFrontier).toBeGreaterThan(deal.distanceToFrontier);
    expect(
      distance(
        utilitiesOf(rules, { prisoners: 'all-for-all' }, world),
        utilitiesOf(rules, { prisoners: 'all-for-all' }, world),
      ),
    ).toBe(0);
  });
});
