/**
 * The frontier search (src/engine/frontier.ts) is written for speed: numbers in arrays, compiled
 * checks, a typed-array memo. These tests hold it to the plain statement of the method — objects,
 * the plain reference rules (support/reference.ts), a Map — bit for bit, at several worlds; and the
 * memo's table to a Map.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nashPoint, paretoFrontier, simplexGrid, type Utilities } from '../../src/engine/scoring.ts';
import { NumberTable } from '../../src/numberTable.ts';
import { compileRules } from '../../src/scenario/compiled.ts';
import {
  applyEffects,
  initialWorld,
  noDealValue,
  normalisedWeights,
  optionUtility,
  packageUtility,
  type WorldState,
} from '../../src/scenario/evaluate.ts';
import { DELEGATION_IDS, type Package, type Scenario } from '../../src/scenario/schema.ts';
import { badness } from '../support/reference.ts';
import { fixtureScenario as s } from './fixture.ts';

const rules = compileRules(s);

function utilitiesOf(scenario: Scenario, pkg: Package, world: WorldState): Utilities {
  return Object.fromEntries(DELEGATION_IDS.map((d) => [d, packageUtility(scenario, d, pkg, world)])) as Utilities;
}

/** The search as the method describes it: per λ the best choice issue by issue, then the cheapest repairs. */
function plainFrontier(scenario: Scenario, world: WorldState) {
  const value = (issue: string, option: string | null, lambda: Utilities) =>
    DELEGATION_IDS.reduce((sum, d) => {
      const w = normalisedWeights(scenario, d)[issue] ?? 0;
      const discount = (1 - scenario.delegations[d].preferences.discountPerMonth) ** world.month;
      const v =
        option === null ? noDealValue(scenario, d, world) : optionUtility(scenario, d, issue, option) * discount;
      return sum + lambda[d] * (w * v);
    }, 0);
  const memo = new Map<string, number>();
  const bad = (pkg: Package) => {
    // Packages in agenda order, so equal packages share a key.
    const key = JSON.stringify(scenario.agenda.issues.map((i) => pkg[i.id] ?? null));
    let b = memo.get(key);
    if (b === undefined) {
      b = badness(scenario, pkg, world);
      memo.set(key, b);
    }
    return b;
  };
  const issues = scenario.agenda.issues;
  const seen = new Map<string, { package: Package; utilities: Utilities }>();
  for (const lambda of simplexGrid(8)) {
    const rows = issues.map((issue) => [null, ...issue.options.map((o) => o.id)]);
    const picks = rows.map((row, i) => {
      let best = 0;
      for (let c = 1; c < row.length; c += 1) {
        const id = (issues[i] as { id: string }).id;
        if (value(id, row[c] ?? null, lambda) > value(id, row[best] ?? null, lambda)) best = c;
      }
      return best;
    });
    const pkgOf = (p: number[]) => {
      const pkg: Package = {};
      issues.forEach((issue, i) => {
        const option = rows[i]?.[p[i] as number];
        if (option) pkg[issue.id] = option;
      });
      return pkg;
    };
    let found: Package | null = null;
    for (let attempt = 0; attempt < issues.length * 2 && !found; attempt += 1) {
      const current = bad(pkgOf(picks));
      if (current === 0) {
        found = pkgOf(picks);
        break;
      }
      let move: { i: number; c: number; cost: number; b: number } | null = null;
      rows.forEach((row, i) => {
        const at = picks[i] as number;
        const id = (issues[i] as { id: string }).id;
        row.forEach((option, c) => {
          if (c === at) return;
          const b = bad(pkgOf(picks.map((x, k) => (k === i ? c : x))));
          if (b >= current) return;
          const cost = value(id, row[at] ?? null, lambda) - value(id, option, lambda);
          if (!move || b < move.b || (b === move.b && cost < move.cost)) move = { i, c, cost, b };
        });
      });
      if (!move) break;
      picks[(move as { i: number }).i] = (move as { c: number }).c;
    }
    if (!found) continue;
    const key = JSON.stringify(found);
    if (!seen.has(key)) seen.set(key, { package: found, utilities: utilitiesOf(scenario, found, world) });
  }
  const points = [...seen.values()];
  return points.filter(
    (p) =>
      !points.some(
        (q) =>
          q !== p &&
          DELEGATION_IDS.every((d) => q.utilities[d] >= p.utilities[d] - 1e-12) &&
          DELEGATION_IDS.some((d) => q.utilities[d] > p.utilities[d] + 1e-12),
      ),
  );
}

const start = initialWorld(s);
const worlds: Array<[string, WorldState]> = [
  ['the start', start],
  ['six months on', { ...start, month: 6 }],
  [
    'a shaken world',
    applyEffects(s, { ...start, month: 3 }, [
      { variable: 'unity', delta: -30 },
      { variable: 'momentum.front', delta: 6 },
    ]),
  ],
];

describe('paretoFrontier (the fast search)', () => {
  for (const [name, world] of worlds) {
    it(`finds exactly the plain search's frontier at ${name}`, () => {
      const fast = paretoFrontier(rules, world);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toEqual(plainFrontier(s, world));
    });
    it(`polishes the Nash point to a signable package at ${name}`, () => {
      const nash = nashPoint(rules, world);
      if (nash) expect(badness(s, nash.package, world)).toBe(0);
    });
  }
});

describe('NumberTable', () => {
  it('answers like a Map, through growth and for keys up to 2^53', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.maxSafeNat(), fc.integer({ min: 0, max: 99 })), { maxLength: 3000 }),
        (entries) => {
          const table = new NumberTable();
          const map = new Map<number, number>();
          for (const [key, value] of entries) {
            table.set(key, value);
            map.set(key, value);
          }
          for (const [key] of entries) expect(table.get(key)).toBe(map.get(key));
          for (const [key] of entries.slice(0, 50)) if (!map.has(key + 1)) expect(table.get(key + 1)).toBe(-1);
        },
      ),
      { numRuns: 60 },
    );
  });
  it('holds 100,000 keys (several doublings)', () => {
    const table = new NumberTable();
    for (let k = 0; k < 100_000; k += 1) table.set(k * 7919, k % 100);
    for (let k = 0; k < 100_000; k += 1) expect(table.get(k * 7919)).toBe(k % 100);
    expect(table.get(1)).toBe(-1);
  });
});
