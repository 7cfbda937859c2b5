/**
 * Plain-function tests of evaluate.ts on the mini fixture: red lines, ratification, world
 * effects and dynamics, and outcome classification. Expected numbers are worked out by hand from
 * the fixture's YAML in the comments beside them.
 */
import { describe, expect, it } from 'vitest';
import { compileRules } from '../../src/scenario/compiled.ts';
import {
  applyEffects,
  bindSector,
  checkPackage,
  classifyOutcome,
  ratificationFailures,
  type WorldState,
  worldDynamics,
} from '../../src/scenario/evaluate.ts';
import { must, scenario, start, withValues } from './miniScenario.ts';

/** The mini scenario's rules, compiled (a variant a test builds from it is compiled on its own). */
const rules = compileRules(scenario);

describe('red lines and ratification', () => {
  it('checkPackage blames the clause that breaks a red line', () => {
    const [breach, ...rest] = checkPackage(rules, 'ukraine', { crimea: 'recognised' });
    expect(rest).toEqual([]);
    expect(breach?.redLine.id).toBe('no-recognition');
    expect(breach?.clauses).toEqual(['crimea.recognised']);
    expect(breach?.message).toBe(
      'Ukraine cannot sign: clause crimea.recognised breaks red line "No legal recognition of occupation"',
    );
  });

  it('a silence that keeps an unacceptable default counts, and is blamed too', () => {
    // ceasefire.line with guarantees left at their default "none"
    const breaches = checkPackage(rules, 'ukraine', { ceasefire: 'line' });
    expect(breaches.map((b) => b.redLine.id)).toEqual(['no-bare-ceasefire']);
    expect(breaches[0]?.clauses).toEqual(['ceasefire.line', 'guarantees.none']);
    expect(checkPackage(rules, 'ukraine', { ceasefire: 'line', guarantees: 'european-force' })).toEqual([]);
  });

  it('world-dependent red lines use the given world (or the initial one)', () => {
    const pkg = { ceasefire: 'dmz', guarantees: 'european-force' };
    expect(checkPackage(rules, 'europe', pkg)).toEqual([]);
    const breaches = checkPackage(rules, 'europe', pkg, withValues({ 'western-unity': 0.2 }));
    expect(breaches.map((b) => [b.redLine.id, b.clauses])).toEqual([['no-reward', ['guarantees.european-force']]]);
  });

  it('a red line with no clause to blame says the package breaks it', () => {
    const custom = structuredClone(scenario);
    custom.delegations.us.redLines = [
      { ...must(scenario.delegations.russia.redLines[0]), breaksWhen: { not: { clause: 'ceasefire.line' } } },
    ];
    expect(checkPackage(compileRules(custom), 'us', { ceasefire: 'dmz' })[0]?.message).toBe(
      'United States cannot sign: the package breaks red line "No NATO membership"',
    );
  });

  it('ratificationFailures lists the home rules a signed package fails', () => {
    const good = { ceasefire: 'dmz', guarantees: 'european-force' };
    expect(ratificationFailures(rules, 'ukraine', good, start)).toEqual([]);
    const ids = (pkg: Record<string, string>, world: WorldState) =>
      ratificationFailures(rules, 'ukraine', pkg, world).map((r) => r.id);
    expect(ids({ ceasefire: 'dmz' }, start)).toEqual(['three-minimums']); // no guarantee: default none
    expect(ids({ ...good, crimea: 'recognised' }, start)).toEqual(['three-minimums']);
    expect(ids(good, withValues({ 'western-unity': 0.2 }))).toEqual(['partners-hold']);
    expect(ratificationFailures(rules, 'us', good, withValues({ 'us-patience': 0.2 })).map((r) => r.id)).toEqual([
      'still-engaged',
    ]);
  });
});

describe('world effects', () => {
  it('applyEffects adds deltas, sets values, clamps to the range and raises flags once', () => {
    const next = applyEffects(scenario, start, [
      { variable: 'pipeline-us', delta: 0.8 }, // 0.5 + 0.8 → clamped to max 1
      { variable: 'western-unity', delta: -0.1 },
      { variable: 'momentum.kharkiv-border', set: -3 }, // clamped to min −1
      { variable: 'not-a-variable', delta: 1 }, // ignored
      { flag: 'grid-hit' },
      { flag: 'grid-hit' },
    ]);
    expect(next.values['pipeline-us']).toBe(1);
    expect(next.values['western-unity']).toBeCloseTo(0.5);
    expect(next.values['momentum.kharkiv-border']).toBe(-1);
    expect(next.values).not.toHaveProperty('not-a-variable');
    expect(next.flags).toEqual(['grid-hit']);
    expect(start.values['pipeline-us']).toBe(0.5); // the input world is not changed
  });

  it('bindSector puts the chosen sector into $sector effects and leaves others alone', () => {
    const lever = scenario.levers.find((l) => l.id === 'russian-offensive');
    expect(bindSector(must(lever?.effects[0]), 'kharkiv-border')).toEqual({
      variable: 'momentum.kharkiv-border',
      delta: 0.3,
    });
    const plain = { variable: 'pipeline-us', delta: 0.2 };
    expect(bindSector(plain, 'kharkiv-border')).toBe(plain);
    expect(bindSector({ flag: 'x' }, 'kharkiv-border')).toEqual({ flag: 'x' });
  });

  it('worldDynamics applies drift and drivers, all computed from the same starting world', () => {
    // western-unity drifts −0.05, us-patience −0.1; momentum at Pokrovsk: −0.5·(0.5 − 0.5) = 0
    const next = worldDynamics(scenario, start);
    expect(next.values['western-unity']).toBeCloseTo(0.55);
    expect(next.values['us-patience']).toBeCloseTo(0.7);
    expect(next.values['momentum.kostiantynivka-pokrovsk']).toBeCloseTo(0.2);
    // a short pipeline drives the front: −0.5·(0.1 − 0.5) = +0.2
    const short = worldDynamics(scenario, withValues({ 'pipeline-us': 0.1 }));
    expect(short.values['momentum.kostiantynivka-pokrovsk']).toBeCloseTo(0.4);
    // a driver reads the value before this step's drift: 1·0.6, not 1·0.55
    const custom = structuredClone(scenario);
    must(custom.world.variables[1]).drivers = [{ variable: 'western-unity', coefficient: 1, pivot: 0 }];
    expect(worldDynamics(custom, start).values['momentum.kharkiv-border']).toBeCloseTo(0.6);
  });
});

describe('classifyOutcome', () => {
  const end = (over: Partial<Parameters<typeof classifyOutcome>[1]>) =>
    classifyOutcome(rules, { ending: 'signed', agreement: null, ratified: false, world: start, ...over }).id;
  const deal = { ceasefire: 'line', guarantees: 'european-force' };

  it('takes the first outcome whose rule matches, in content order', () => {
    expect(end({ agreement: deal, ratified: true })).toBe('fragile-ceasefire');
    // rejected-at-home comes first, so a failed ratification wins over the ceasefire rule
    expect(end({ agreement: deal, ratified: false })).toBe('rejected-at-home');
    expect(end({ ending: 'breakthrough' })).toBe('breakthrough');
    expect(end({ ending: 'deadline' })).toBe('stalemate');
  });

  it('resolves the agreement, so a rule can match a clause the deal left at its default', () => {
    const custom = structuredClone(scenario);
    const rule = { ...must(scenario.outcomes[0]), id: 'no-ceasefire-deal', when: { clause: 'ceasefire.none' } };
    custom.outcomes = [rule, ...custom.outcomes];
    const outcome = (agreement: Record<string, string>) =>
      classifyOutcome(compileRules(custom), { ending: 'signed', agreement, ratified: true, world: start }).id;
    expect(outcome({ crimea: 'deferred' })).toBe('no-ceasefire-deal');
    expect(outcome({ ceasefire: 'line' })).toBe('fragile-ceasefire');
  });

  it('falls back to the last outcome when no rule matches', () => {
    // a ratified deal with no ceasefire: not rejected, no ceasefire clause, not a breakthrough, and there is an agreement
    expect(end({ agreement: { crimea: 'restored' }, ratified: true })).toBe('stalemate');
    const custom = structuredClone(scenario);
    custom.outcomes = custom.outcomes.filter((o) => o.id !== 'stalemate');
    expect(
      classifyOutcome(compileRules(custom), { ending: 'deadline', agreement: null, ratified: false, world: start }).id,
    ).toBe('breakthrough');
  });
});
