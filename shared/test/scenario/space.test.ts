/**
 * The agenda as numbers (src/scenario/space.ts): a package read as a choice and back, and the keys
 * the bots' search and the debrief's frontier tell packages apart by. What the rules answer about
 * choices is held to the plain reference in condition.test.ts and packageRules.test.ts.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import type { Package, Scenario } from '../../src/scenario/schema.ts';
import {
  choiceOf,
  compileAgenda,
  emptyChoice,
  keyAfterChange,
  keyOfChoice,
  OPEN,
  packageOf,
  UNKNOWN,
} from '../../src/scenario/space.ts';
import { packages } from '../support/packageArbitraries.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
});

describe('choices stand for packages', () => {
  it('a package goes to a choice and back unchanged, but for the options its issues lack (UNKNOWN)', () => {
    const space = compileAgenda(scenario.agenda);
    fc.assert(
      fc.property(packages(scenario), (pkg) => {
        const choice = choiceOf(space, pkg);
        const known = Object.fromEntries(Object.entries(pkg).filter(([, option]) => option !== 'no-such-option'));
        expect(packageOf(space, choice)).toEqual(resolveOrder(known));
        scenario.agenda.issues.forEach((issue, i) => {
          if (pkg[issue.id] === 'no-such-option') expect(choice[i]).toBe(UNKNOWN);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('two choices share a key only when they are the same package', () => {
    const space = compileAgenda(scenario.agenda);
    expect(space.places).not.toBeNull(); // this agenda numbers every package exactly
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), packages(scenario, { badOptions: false }), (a, b) => {
        const [ca, cb] = [choiceOf(space, a), choiceOf(space, b)];
        expect(keyOfChoice(space, ca) === keyOfChoice(space, cb)).toBe(JSON.stringify(ca) === JSON.stringify(cb));
      }),
      { numRuns: 500 },
    );
    expect(keyOfChoice(space, emptyChoice(space))).toBe(0);
  });

  it('a key updated for one changed issue is the key of the changed choice', () => {
    const space = compileAgenda(scenario.agenda);
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), fc.nat(), fc.nat(), (pkg, at, to) => {
        const choice = choiceOf(space, pkg);
        const i = at % choice.length;
        const before = choice[i] as number;
        const key = keyOfChoice(space, choice);
        choice[i] = (to % ((space.issues[i]?.options.length ?? 0) + 1)) - 1; // OPEN or an option
        expect(keyAfterChange(space, choice, key, i, before)).toBe(keyOfChoice(space, choice));
      }),
      { numRuns: 500 },
    );
  });

  it('an agenda too large to number exactly falls back to string keys that still tell packages apart', () => {
    const issues = Array.from({ length: 30 }, (_, i) => ({
      ...(scenario.agenda.issues[0] as Scenario['agenda']['issues'][number]),
      id: `issue-${i}`,
      options: Array.from({ length: 9 }, (_, j) => ({
        id: `o${j}`,
        label: { en: `o${j}`, uk: `o${j}` },
        signatories: [],
        incompatibleWith: [],
      })),
      default: 'o0',
    }));
    const space = compileAgenda({ issues } as unknown as Scenario['agenda']);
    expect(space.places).toBeNull();
    const a = emptyChoice(space);
    const b = emptyChoice(space);
    b[29] = 8;
    expect(typeof keyOfChoice(space, a)).toBe('string');
    expect(keyOfChoice(space, a)).not.toBe(keyOfChoice(space, b));
    expect(b[0]).toBe(OPEN);
  });
});

/** The same clauses in agenda order (packageOf's order). */
function resolveOrder(pkg: Package): Package {
  const out: Package = {};
  for (const issue of scenario.agenda.issues) if (pkg[issue.id] !== undefined) out[issue.id] = pkg[issue.id] as string;
  return out;
}
