/**
 * The compiled condition tree (src/scenario/condition.ts) against the plain evaluation of the raw
 * language (support/reference.ts): every way of asking about a condition — its verdict with and
 * without a package, decided for one world, the clauses it blames, the issues it reads — on
 * generated agendas and condition trees, and on every condition of the real scenario.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import {
  blame,
  type CompiledCondition,
  compileCondition,
  decideWorld,
  type Facts,
  holds,
  issuesRead,
} from '../../src/scenario/condition.ts';
import type { Condition, Package, Scenario } from '../../src/scenario/schema.ts';
import { choiceOf, compileAgenda } from '../../src/scenario/space.ts';
import type { WorldState } from '../../src/scenario/world.ts';
import { packages, worlds } from '../support/packageArbitraries.ts';
import { clausesMatched, type EvalContext, evaluateCondition, issuesOf, resolvePackage } from '../support/reference.ts';
import { conditionArb, endArb, packageArb, scenarioArb, worldArb } from '../support/scenarioArbitraries.ts';

/** An agenda with conditions over it, a package, a world and the facts of a game's end. */
const cases = scenarioArb.chain((scenario) =>
  fc.record({
    scenario: fc.constant(scenario),
    conditions: fc.array(conditionArb(scenario.agenda.issues.flatMap((i) => i.options.map((o) => `${i.id}.${o.id}`))), {
      minLength: 1,
      maxLength: 6,
    }),
    pkg: packageArb(scenario),
    world: worldArb,
    otherWorld: worldArb,
    end: endArb,
  }),
);

/** What compiled and plain evaluation must agree on, for one condition, package and world. */
function expectSameAnswers(
  scenario: Pick<Scenario, 'agenda'>,
  cond: Condition,
  pkg: Package,
  world: WorldState,
  otherWorld: WorldState,
  end: { ending: Facts['ending']; ratified: boolean; agreement: boolean },
) {
  const space = compileAgenda(scenario.agenda);
  const compiled = compileCondition(space, cond);
  const choice = choiceOf(space, pkg);
  const resolved = resolvePackage(scenario, pkg);
  const facts: Facts = { world, ...end };
  const plain: EvalContext = { pkg: resolved, world, ...end };
  expect(holds(compiled, choice, facts)).toBe(evaluateCondition(cond, plain));
  expect(holds(compiled, null, facts)).toBe(evaluateCondition(cond, { ...plain, pkg: null }));
  expect(holds(compiled, choice, { world })).toBe(evaluateCondition(cond, { pkg: resolved, world }));
  // Decided for one world, it reads nothing but the package: another world changes nothing.
  const decided = decideWorld(compiled, facts);
  expect(readsOnlyThePackage(decided)).toBe(true);
  expect(holds(decided, choice, { world: otherWorld })).toBe(evaluateCondition(cond, plain));
  expect(blame(compiled, choice)).toEqual(clausesMatched(cond, resolved));
  const known = issuesOf(cond).flatMap((id) => {
    const i = scenario.agenda.issues.findIndex((issue) => issue.id === id);
    return i < 0 ? [] : [i];
  });
  expect(issuesRead(compiled)).toEqual(known);
}

function readsOnlyThePackage(c: CompiledCondition): boolean {
  if (c.kind === 'clauses' || c.kind === 'const') return true;
  if (c.kind === 'all' || c.kind === 'any') return c.parts.every(readsOnlyThePackage);
  if (c.kind === 'not') return readsOnlyThePackage(c.part);
  return false;
}

describe('compiled conditions on generated agendas and condition trees', () => {
  it('agree with the plain evaluation: verdicts, decided worlds, blame and issues read', () => {
    fc.assert(
      fc.property(cases, ({ scenario, conditions, pkg, world, otherWorld, end }) => {
        for (const cond of conditions) expectSameAnswers(scenario, cond, pkg, world, otherWorld, end);
      }),
      { numRuns: 400 },
    );
  });

  it('a clause the agenda lacks is never in a package', () => {
    fc.assert(
      fc.property(scenarioArb, worldArb, (scenario, world) => {
        const space = compileAgenda(scenario.agenda);
        const compiled = compileCondition(space, { anyClause: ['no-such-issue.x', 'i0.no-such-option'] });
        expect(holds(compiled, choiceOf(space, { i0: 'no-such-option' }), { world })).toBe(false);
        expect(blame(compiled, choiceOf(space, {}))).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

/** Every condition the scenario holds: red lines, ratification rules, lever requirements, event triggers, outcomes. */
function allConditions(s: Scenario): Condition[] {
  return [
    ...Object.values(s.delegations).flatMap((d) => [
      ...d.redLines.map((r) => r.breaksWhen),
      ...d.ratification.map((r) => r.requires),
    ]),
    ...s.levers.flatMap((l) => (l.requires ? [l.requires] : [])),
    ...s.events.flatMap((e) => (e.trigger ? [e.trigger] : [])),
    ...s.outcomes.map((o) => o.when),
  ];
}

describe('compiled conditions of the real scenario', () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await loadScenarioById('ukraine-2026');
  });

  it('agree with the plain evaluation for every condition, reachable world and package', () => {
    const conditions = allConditions(scenario);
    expect(conditions.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(packages(scenario), worlds(scenario), worlds(scenario), endArb, (pkg, world, otherWorld, end) => {
        for (const cond of conditions) expectSameAnswers(scenario, cond, pkg, world, otherWorld, end);
      }),
      { numRuns: 150 },
    );
  });
});
