/**
 * The bots' search asks "is this package well formed?" and "does it break my red lines?" thousands
 * of times a game, through quick forms that build no sentences, and prunes its repairs with
 * `problemIssueSets`. These properties hold the quick forms to the full ones on the real scenario:
 * same verdicts, and the pruning never skips a clause whose removal would fix the package.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import {
  applyEffects,
  breachesOf,
  breaksRedLine,
  initialWorld,
  issuesOf,
  isWellFormed,
  packageProblems,
  problemIssueSets,
  type WorldState,
} from '../../src/scenario/evaluate.ts';
import { DELEGATION_IDS, type Package, type Scenario } from '../../src/scenario/schema.ts';

let scenario: Scenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
});

/** A package: for each agenda issue, left open or one of its options (now and then a bad option). */
const packages = () =>
  fc
    .array(fc.nat(), { minLength: scenario.agenda.issues.length, maxLength: scenario.agenda.issues.length })
    .map((picks) => {
      const pkg: Package = {};
      scenario.agenda.issues.forEach((issue, i) => {
        const pick = (picks[i] as number) % (issue.options.length + 2);
        if (pick < issue.options.length) pkg[issue.id] = (issue.options[pick] as { id: string }).id;
        else if (pick === issue.options.length + 1 && i % 7 === 0) pkg[issue.id] = 'no-such-option';
      });
      return pkg;
    });

/** Worlds a game can reach: the start moved by a few of the scenario's own lever effects. */
const worlds = () =>
  fc.array(fc.nat(), { maxLength: 4 }).map((picks): WorldState => {
    let world = initialWorld(scenario);
    for (const pick of picks) {
      const lever = scenario.levers[pick % scenario.levers.length];
      if (lever)
        world = applyEffects(
          scenario,
          world,
          lever.effects.filter((e) => !JSON.stringify(e).includes('$')),
        );
    }
    return { ...world, month: picks.length };
  });

const delegations = () => fc.constantFrom(...DELEGATION_IDS);

describe('quick verdicts agree with the full checks', () => {
  it('isWellFormed is packageProblems(…) === []', () => {
    fc.assert(
      fc.property(packages(), (pkg) => {
        expect(isWellFormed(scenario, pkg)).toBe(packageProblems(scenario, pkg).length === 0);
      }),
      { numRuns: 500 },
    );
  });

  it('breaksRedLine is breachesOf(…) non-empty, for every delegation and reachable world', () => {
    fc.assert(
      fc.property(packages(), worlds(), delegations(), (pkg, world, d) => {
        const lines = scenario.delegations[d].redLines;
        expect(breaksRedLine(scenario, lines, pkg, world)).toBe(
          breachesOf(scenario, d, '', lines, pkg, world).length > 0,
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('problemIssueSets prunes soundly', () => {
  it('removing a clause outside some problem set never makes the package signable', () => {
    fc.assert(
      fc.property(packages(), worlds(), delegations(), (pkg, world, d) => {
        const lines = scenario.delegations[d].redLines;
        const signable = (p: Package) => isWellFormed(scenario, p) && !breaksRedLine(scenario, lines, p, world);
        const sets = problemIssueSets(scenario, lines, pkg, world);
        if (sets === null) {
          // Only packages with an unknown option or no clause at all.
          expect(isWellFormed(scenario, pkg)).toBe(false);
          return;
        }
        expect(sets.length === 0).toBe(signable(pkg));
        for (const issue of Object.keys(pkg)) {
          if (sets.every((set) => set.has(issue))) continue;
          const trial = { ...pkg };
          delete trial[issue];
          expect(signable(trial)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('issuesOf names the issues a red line reads', () => {
    const ukraine = scenario.delegations.ukraine.redLines.map((l) => [...issuesOf(l.breaksWhen)]);
    expect(ukraine.flat().length).toBeGreaterThan(0);
    for (const issues of ukraine)
      for (const id of issues) expect(scenario.agenda.issues.map((i) => i.id)).toContain(id);
  });
});
