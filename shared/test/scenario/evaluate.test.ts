/**
 * Plain-function tests of evaluate.ts and the compiled conditions (condition.ts) on the mini
 * fixture (three issues, four delegations): conditions, packages and the utility model. Expected
 * numbers are worked out by hand from the fixture's YAML in the comments beside them. Red lines,
 * world effects and outcomes are in evaluateRules.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { compileCondition, type Facts, holds as holdsCompiled } from '../../src/scenario/condition.ts';
import {
  noDealValue,
  normalisedWeights,
  optionUtility,
  packageProblems,
  packageUtility,
  requiredSignatories,
} from '../../src/scenario/evaluate.ts';
import type { Condition, Package } from '../../src/scenario/schema.ts';
import { choiceOf, compileAgenda, OPEN, resolvedAt, UNKNOWN } from '../../src/scenario/space.ts';
import { scenario, start, withValues } from './miniScenario.ts';

const space = compileAgenda(scenario.agenda);
const problems = (pkg: Package) => packageProblems(space, pkg).map((p) => p.message);

describe('initialWorld', () => {
  it('takes every variable at its initial value, no flags, month 0', () => {
    expect(start).toEqual({
      values: {
        'momentum.kostiantynivka-pokrovsk': 0.2,
        'momentum.kharkiv-border': 0,
        'pipeline-us': 0.5,
        'western-unity': 0.6,
        'us-patience': 0.8,
      },
      flags: [],
      month: 0,
    });
  });
});

describe('compiled conditions', () => {
  const holds = (cond: Condition, extra: Partial<Facts> & { pkg?: Package } = {}) => {
    const { pkg, ...facts } = extra;
    return holdsCompiled(compileCondition(space, cond), pkg ? choiceOf(space, pkg) : null, { world: start, ...facts });
  };

  it('clause and anyClause look at the package, and are false without one', () => {
    const pkg = { ceasefire: 'line', crimea: 'deferred' };
    // An issue the package leaves open holds its default: guarantees "none".
    expect(holds({ clause: 'guarantees.none' }, { pkg })).toBe(true);
    expect(holds({ clause: 'ceasefire.line' }, { pkg })).toBe(true);
    expect(holds({ clause: 'ceasefire.dmz' }, { pkg })).toBe(false);
    expect(holds({ clause: 'ceasefire.line' })).toBe(false);
    expect(holds({ anyClause: ['ceasefire.dmz', 'crimea.deferred'] }, { pkg })).toBe(true);
    expect(holds({ anyClause: ['ceasefire.dmz', 'crimea.restored'] }, { pkg })).toBe(false);
  });

  it('world bounds are strict (lt, gt) or inclusive (lte, gte), and all given bounds must hold', () => {
    // western-unity starts at 0.6
    expect(holds({ world: 'western-unity', lt: 0.6 })).toBe(false);
    expect(holds({ world: 'western-unity', lte: 0.6 })).toBe(true);
    expect(holds({ world: 'western-unity', gt: 0.6 })).toBe(false);
    expect(holds({ world: 'western-unity', gte: 0.6 })).toBe(true);
    expect(holds({ world: 'western-unity', gt: 0.5, lt: 0.7 })).toBe(true);
    expect(holds({ world: 'western-unity', gt: 0.5, lt: 0.55 })).toBe(false);
    expect(holds({ world: 'not-a-variable', lt: 0.1, gt: -0.1 })).toBe(true); // unknown reads as 0
  });

  it('sum adds several variables', () => {
    // pipeline-us 0.5 + western-unity 0.6 = 1.1
    expect(holds({ sum: ['pipeline-us', 'western-unity'], gt: 1 })).toBe(true);
    expect(holds({ sum: ['pipeline-us', 'western-unity'], lt: 1 })).toBe(false);
  });

  it('month compares months since the start', () => {
    expect(holds({ month: { gte: 2 } }, { world: { ...start, month: 2 } })).toBe(true);
    expect(holds({ month: { gte: 2 } }, { world: { ...start, month: 1 } })).toBe(false);
  });

  it('flag, ending, ratified and agreement read the context (ratified and agreement default to false)', () => {
    expect(holds({ flag: 'grid-hit' })).toBe(false);
    expect(holds({ flag: 'grid-hit' }, { world: { ...start, flags: ['grid-hit'] } })).toBe(true);
    expect(holds({ ending: 'breakthrough' }, { ending: 'breakthrough' })).toBe(true);
    expect(holds({ ending: 'breakthrough' }, { ending: 'deadline' })).toBe(false);
    expect(holds({ ratified: false })).toBe(true);
    expect(holds({ agreement: true }, { agreement: true })).toBe(true);
    expect(holds({ agreement: true })).toBe(false);
  });

  it('all, any and not combine conditions', () => {
    const yes: Condition = { world: 'western-unity', gt: 0.5 };
    const no: Condition = { world: 'western-unity', lt: 0.5 };
    expect(holds({ all: [yes, yes] })).toBe(true);
    expect(holds({ all: [yes, no] })).toBe(false);
    expect(holds({ any: [no, yes] })).toBe(true);
    expect(holds({ any: [no, no] })).toBe(false);
    expect(holds({ not: no })).toBe(true);
    expect(holds({ not: { all: [yes, { not: no }] } })).toBe(false);
  });
});

describe('packages', () => {
  it('choiceOf reads a package against the agenda; an open issue resolves to its default', () => {
    const choice = choiceOf(space, { ceasefire: 'line', guarantees: 'truce', unknown: 'x' });
    expect(Array.from(choice)).toEqual([1, OPEN, UNKNOWN]);
    expect(space.issues[1]?.options[resolvedAt(space, choice, 1)]?.id).toBe('deferred');
  });

  it('requiredSignatories is the union over the settled clauses, in seat order', () => {
    expect(requiredSignatories(space, {})).toEqual([]);
    expect(requiredSignatories(space, { ceasefire: 'line' })).toEqual(['ukraine', 'russia']);
    expect(requiredSignatories(space, { ceasefire: 'dmz', guarantees: 'european-force' })).toEqual([
      'ukraine',
      'russia',
      'europe',
    ]);
    expect(requiredSignatories(space, { guarantees: 'nato' })).toEqual(['ukraine', 'russia', 'us', 'europe']);
  });

  it('packageProblems names unknown issues and options, empty packages and incompatible clauses', () => {
    expect(problems({ ceasefire: 'line' })).toEqual([]);
    expect(problems({})).toEqual(['the package settles no issue']);
    expect(problems({ nato: 'yes' })).toEqual(['unknown agenda issue "nato"']);
    expect(problems({ ceasefire: 'truce' })).toEqual(['issue "ceasefire" has no option "truce"']);
    expect(problems({ ceasefire: 'none', guarantees: 'european-force' })).toEqual([
      'clause guarantees.european-force cannot stand with clause ceasefire.none',
    ]);
    expect(packageProblems(space, { ceasefire: 'none', guarantees: 'european-force' })[0]).toMatchObject({
      kind: 'clash',
      clause: 'guarantees.european-force',
      other: 'ceasefire.none',
    });
  });
});

describe('utility model', () => {
  it('normalises weights to sum 1', () => {
    // ukraine weights 2, 3, 5
    expect(normalisedWeights(scenario, 'ukraine')).toEqual({ ceasefire: 0.2, crimea: 0.3, guarantees: 0.5 });
    expect(optionUtility(scenario, 'ukraine', 'crimea', 'restored')).toBe(1);
    expect(optionUtility(scenario, 'ukraine', 'crimea', 'unknown')).toBe(0);
  });

  it('noDeal = clamp01(base + Σ coefficient·world + perMonth·month)', () => {
    // ukraine: 0.3 + 0.2·0.6 = 0.42; russia: 0.8 − 0.5·0.6 = 0.5
    expect(noDealValue(scenario, 'ukraine', start)).toBeCloseTo(0.42);
    expect(noDealValue(scenario, 'russia', start)).toBeCloseTo(0.5);
    // Russia's no-deal value rises as Western unity falls: 0.8 − 0.5·0.2 = 0.7
    expect(noDealValue(scenario, 'russia', withValues({ 'western-unity': 0.2 }))).toBeCloseTo(0.7);
    // us: 0.4 − 0.05·month, clamped at 0 from month 8 on; russia clamped at 1 for unity −1
    expect(noDealValue(scenario, 'us', { ...start, month: 4 })).toBeCloseTo(0.2);
    expect(noDealValue(scenario, 'us', { ...start, month: 10 })).toBe(0);
    expect(noDealValue(scenario, 'russia', withValues({ 'western-unity': -1 }))).toBe(1);
  });

  it('the empty package is worth exactly the no-deal value', () => {
    for (const d of ['ukraine', 'russia', 'us', 'europe'] as const) {
      expect(packageUtility(scenario, d, {}, start)).toBeCloseTo(noDealValue(scenario, d, start));
    }
  });

  it('a partial package blends settled clauses with the no-deal value for open issues', () => {
    // ukraine, ceasefire.line only: 0.2·0.6 + (1 − 0.2)·0.42 = 0.456
    expect(packageUtility(scenario, 'ukraine', { ceasefire: 'line' }, start)).toBeCloseTo(0.456);
    // full package: 0.2·0.7 + 0.3·0.6 + 0.5·0.8 = 0.72 (no weight left for no deal)
    const full = { ceasefire: 'dmz', crimea: 'deferred', guarantees: 'european-force' };
    expect(packageUtility(scenario, 'ukraine', full, start)).toBeCloseTo(0.72);
  });

  it('discounts settled clauses by (1 − discount)^month, so the US loses value each month', () => {
    // us weights 5/8, 1/8, 2/8: 0.625·1 + 0.125·0.7 + 0.25·0.9 = 0.9375, × 0.95² at month 2
    const pkg = { ceasefire: 'line', crimea: 'deferred', guarantees: 'european-force' };
    expect(packageUtility(scenario, 'us', pkg, start)).toBeCloseTo(0.9375);
    expect(packageUtility(scenario, 'us', pkg, { ...start, month: 2 })).toBeCloseTo(0.9375 * 0.95 ** 2);
  });
});
