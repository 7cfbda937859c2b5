/**
 * A compiled scenario (src/scenario/compiled.ts) is made from one scenario and holds it: a scenario
 * built by spreading or changing another is compiled on its own, so it can never be checked against
 * another's compiled form, and the compiled form itself cannot be changed.
 */
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/game.ts';
import { compileRules } from '../../src/scenario/compiled.ts';
import { checkPackage } from '../../src/scenario/evaluate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { must, scenario } from './miniScenario.ts';

/** The mini scenario with one more US red line: no ceasefire along the line. */
function withUsRedLine(s: Scenario): Scenario {
  const line = { ...must(s.delegations.russia.redLines[0]), id: 'no-line', breaksWhen: { clause: 'ceasefire.line' } };
  return {
    ...s,
    delegations: { ...s.delegations, us: { ...s.delegations.us, redLines: [...s.delegations.us.redLines, line] } },
  };
}

describe('compiled rules', () => {
  it('hold the scenario they were made from, and are frozen', () => {
    const rules = compileRules(scenario);
    expect(rules.scenario).toBe(scenario);
    for (const part of [rules, rules.space, rules.delegations, rules.delegations.us, rules.levers, rules.outcomes]) {
      expect(Object.isFrozen(part)).toBe(true);
    }
    expect(() => {
      (rules as { space: unknown }).space = null;
    }).toThrow(TypeError);
  });

  it('a scenario built by spreading another gets its own: the new red line counts there and only there', () => {
    const changed = withUsRedLine(scenario);
    const pkg = { ceasefire: 'line' };
    expect(checkPackage(compileRules(scenario), 'us', pkg)).toEqual([]);
    expect(checkPackage(compileRules(changed), 'us', pkg).map((b) => b.redLine.id)).toEqual(['no-line']);
    // Each engine compiles the scenario it is given.
    expect(createEngine(changed).rules.scenario).toBe(changed);
    expect(createEngine(scenario).rules.delegations.us.redLines).toHaveLength(scenario.delegations.us.redLines.length);
  });
});
