/**
 * The bots' search works on choices (one option index per issue) and on red lines compiled against
 * the agenda (src/scenario/space.ts), and prunes its repairs with choiceProblemCounts. These properties
 * hold every compiled form to the full checks of evaluate.ts on the real scenario (same verdicts),
 * and prove the pruning never skips a clause whose removal would make a package signable.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import {
  breachesOf,
  evaluateCondition,
  issuesOf,
  packageProblems,
  requiredSignatories,
  resolvePackage,
} from '../../src/scenario/evaluate.ts';
import { type Condition, DELEGATION_IDS, type Package, type Scenario } from '../../src/scenario/schema.ts';
import {
  choiceBreaksRedLine,
  choiceOf,
  choiceProblemCount,
  choiceProblemCounts,
  choiceSignatories,
  choiceWellFormed,
  compileCondition,
  compiled,
  compiledRedLines,
  emptyChoice,
  keyAfterChange,
  keyOfChoice,
  OPEN,
  packageOf,
  spaceOf,
} from '../../src/scenario/space.ts';
import { compileForWorld, type WorldCompiled } from '../../src/scenario/spaceWorld.ts';
import { delegations, packages, worlds } from '../support/packageArbitraries.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
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

describe('choices stand for packages', () => {
  it('a well-formed package goes to a choice and back unchanged; an unknown option gives null', () => {
    fc.assert(
      fc.property(packages(scenario), (pkg) => {
        const space = spaceOf(scenario);
        const choice = choiceOf(space, pkg);
        const unknown = Object.values(pkg).includes('no-such-option');
        expect(choice === null).toBe(unknown);
        if (choice) expect(packageOf(space, choice)).toEqual(resolveOrder(pkg));
      }),
      { numRuns: 300 },
    );
  });

  it('two choices share a key only when they are the same package', () => {
    const space = spaceOf(scenario);
    expect(space.places).not.toBeNull(); // this agenda numbers every package exactly
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), packages(scenario, { badOptions: false }), (a, b) => {
        const [ca, cb] = [choiceOf(space, a), choiceOf(space, b)];
        if (!ca || !cb) throw new Error('generator made a bad package');
        expect(keyOfChoice(space, ca) === keyOfChoice(space, cb)).toBe(JSON.stringify(ca) === JSON.stringify(cb));
      }),
      { numRuns: 500 },
    );
    expect(keyOfChoice(space, emptyChoice(space))).toBe(0);
  });

  it('a key updated for one changed issue is the key of the changed choice', () => {
    const space = spaceOf(scenario);
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), fc.nat(), fc.nat(), (pkg, at, to) => {
        const choice = choiceOf(space, pkg) as Int16Array;
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
      options: Array.from({ length: 9 }, (_, j) => ({ id: `o${j}`, signatories: [], incompatibleWith: [] })),
      default: 'o0',
    }));
    const space = spaceOf({ agenda: { issues } } as unknown as Scenario);
    expect(space.places).toBeNull();
    const a = emptyChoice(space);
    const b = emptyChoice(space);
    b[29] = 8;
    expect(typeof keyOfChoice(space, a)).toBe('string');
    expect(keyOfChoice(space, a)).not.toBe(keyOfChoice(space, b));
    expect(b[0]).toBe(OPEN);
  });
});

describe('compiled checks agree with evaluate.ts', () => {
  it('choiceWellFormed is packageProblems(…) === []', () => {
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), (pkg) => {
        const space = spaceOf(scenario);
        expect(choiceWellFormed(space, choiceOf(space, pkg) as Int16Array)).toBe(
          packageProblems(scenario, pkg).length === 0,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('choiceProblemCount counts packageProblems, and choiceSignatories is requiredSignatories', () => {
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), (pkg) => {
        const space = spaceOf(scenario);
        const choice = choiceOf(space, pkg) as Int16Array;
        if (Object.keys(pkg).length > 0) {
          expect(choiceProblemCount(space, choice)).toBe(packageProblems(scenario, pkg).length);
        }
        const mask = choiceSignatories(space, choice);
        expect(DELEGATION_IDS.filter((_, i) => (mask >> i) & 1)).toEqual(requiredSignatories(scenario, pkg));
      }),
      { numRuns: 500 },
    );
  });

  it('every condition of the scenario compiles to the same verdict on the resolved package', () => {
    const conditions = allConditions(scenario);
    expect(conditions.length).toBeGreaterThan(20);
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), worlds(scenario), (pkg, world) => {
        const space = spaceOf(scenario);
        const choice = choiceOf(space, pkg) as Int16Array;
        const resolved = resolvePackage(scenario, pkg);
        for (const cond of conditions) {
          expect(compiled(space, cond)(choice, world)).toBe(evaluateCondition(cond, { pkg: resolved, world }));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every condition compiled for one world (its world side decided, folded away) gives the same verdicts', () => {
    const conditions = allConditions(scenario);
    fc.assert(
      fc.property(
        fc.array(packages(scenario, { badOptions: false }), { minLength: 1, maxLength: 8 }),
        worlds(scenario),
        (pkgs, world) => {
          const space = spaceOf(scenario);
          const forWorld = conditions.map((cond) => compileForWorld(space, cond, world));
          for (const pkg of pkgs) {
            const choice = choiceOf(space, pkg) as Int16Array;
            const resolved = resolvePackage(scenario, pkg);
            conditions.forEach((cond, c) => {
              const test = forWorld[c] as WorldCompiled;
              const verdict = typeof test === 'boolean' ? test : test(choice);
              expect(verdict).toBe(evaluateCondition(cond, { pkg: resolved, world }));
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('choiceBreaksRedLine is breachesOf(…) non-empty, for every delegation and reachable world', () => {
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), worlds(scenario), delegations(), (pkg, world, d) => {
        const space = spaceOf(scenario);
        const lines = scenario.delegations[d].redLines;
        const choice = choiceOf(space, pkg) as Int16Array;
        expect(choiceBreaksRedLine(compiledRedLines(space, lines), choice, world)).toBe(
          breachesOf(scenario, d, '', lines, pkg, world).length > 0,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('a clause the agenda lacks is never in a package', () => {
    const space = spaceOf(scenario);
    const check = compileCondition(space, { anyClause: ['no-such-issue.x', 'ceasefire.no-such-option'] });
    expect(check(emptyChoice(space), { values: {}, flags: [], month: 0 })).toBe(false);
  });
});

describe('choiceProblemCounts prunes soundly', () => {
  it('no problem set means signable; removing a clause outside some set never makes a package signable', () => {
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), worlds(scenario), delegations(), (pkg, world, d) => {
        const space = spaceOf(scenario);
        const lines = scenario.delegations[d].redLines;
        const signable = (p: Package) =>
          packageProblems(scenario, p).length === 0 && breachesOf(scenario, d, '', lines, p, world).length === 0;
        const choice = choiceOf(space, pkg) as Int16Array;
        if (Object.keys(pkg).length === 0) return; // the search never asks about an empty package
        const counts = new Int32Array(scenario.agenda.issues.length);
        const problems = choiceProblemCounts(space, compiledRedLines(space, lines), choice, world, counts);
        expect(problems === 0).toBe(signable(pkg));
        scenario.agenda.issues.forEach((issue, i) => {
          if (pkg[issue.id] === undefined || counts[i] === problems) return;
          const trial = { ...pkg };
          delete trial[issue.id];
          expect(signable(trial)).toBe(false);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('issuesOf names the agenda issues a red line reads', () => {
    const ukraine = scenario.delegations.ukraine.redLines.map((l) => [...issuesOf(l.breaksWhen)]);
    expect(ukraine.flat().length).toBeGreaterThan(0);
    for (const issues of ukraine)
      for (const id of issues) expect(scenario.agenda.issues.map((i) => i.id)).toContain(id);
  });
});

/** The same clauses in agenda order (packageOf's order). */
function resolveOrder(pkg: Package): Package {
  const out: Package = {};
  for (const issue of scenario.agenda.issues) if (pkg[issue.id] !== undefined) out[issue.id] = pkg[issue.id] as string;
  return out;
}
