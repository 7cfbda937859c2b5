/**
 * The bots score candidate packages from their own tables (offerContext.ts) rather than from the
 * packages themselves. These properties hold the table forms to the model they stand for: a
 * choice's own utility is exactly utilityFrom on its package (same float operations in the same
 * order, so not merely close), the clause space round-trips the candidate's package, and the
 * ratification check on choices finds what the check on the resolved package finds.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { ownModel, ownUtility } from '../../src/bots/model.ts';
import { candidatePackage, offerContext, scoreCandidate } from '../../src/bots/offerContext.ts';
import { ownRatificationProblems, resolvedRatificationProblems } from '../../src/bots/ratification.ts';
import { createEngine } from '../../src/engine/game.ts';
import { viewFor } from '../../src/engine/view.ts';
import { applyEffects, bindSector, noDealFrom, utilityFrom, weightsOf } from '../../src/scenario/evaluate.ts';
import { type PublicScenario, publicScenario } from '../../src/scenario/public.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { choiceOf, keyOfChoice, settledCount, spaceOf } from '../../src/scenario/space.ts';
import { noDealAfter } from '../../src/scenario/utility.ts';
import { delegations, packages, worlds } from '../support/packageArbitraries.ts';

let scenario: Scenario;
let pub: PublicScenario;
beforeAll(async () => {
  scenario = await loadScenarioById('ukraine-2026');
  pub = publicScenario(scenario);
});

describe('candidate scores agree with the utility model', () => {
  it('a candidate’s utility is utilityFrom on its package, exactly, in any reachable world', () => {
    const context = createEngine(scenario).start({ seed: 1, now: 0 }).context;
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), worlds(scenario), delegations(), (pkg, world, d) => {
        const view = { ...viewFor(scenario, context, d), world };
        const own = ownModel(view, d);
        const models = [0, 1, 2, 3].map(() => Array<number>(spaceOf(pub).clauseCount).fill(0));
        const ctx = offerContext(pub, own, models, view);
        const space = spaceOf(pub);
        const choice = choiceOf(space, pkg) as Int16Array;
        const candidate = scoreCandidate(ctx, {
          choice,
          key: keyOfChoice(space, choice),
          settled: settledCount(choice),
        });
        const rebuilt = candidatePackage(ctx, candidate);
        expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(pkg).sort());
        const prefs = scenario.delegations[d].preferences;
        expect(candidate.utility).toBe(utilityFrom(prefs, weightsOf(prefs), rebuilt, world));
        expect(candidate.utility).toBe(ownUtility(own, rebuilt, world));
      }),
      { numRuns: 500 },
    );
  });
});

describe('ratification checks on choices agree with the resolved package', () => {
  it('ownRatificationProblems finds the same failing rules and blamed clauses as on the resolved package', () => {
    const context = createEngine(scenario).start({ seed: 1, now: 0 }).context;
    let failures = 0;
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), worlds(scenario), delegations(), (pkg, world, d) => {
        const view = { ...viewFor(scenario, context, d), world };
        const rules = view.private[d]?.ratification ?? [];
        const expected = resolvedRatificationProblems(pub, rules, pkg, world);
        failures += expected.length;
        expect(ownRatificationProblems(pub, view, d, pkg)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
    expect(failures).toBeGreaterThan(0);
  });
});

describe('a lever’s no-deal value is read without building the world after it', () => {
  it('noDealAfter is noDealFrom on applyEffects, exactly, for every lever, sector and reachable world', () => {
    fc.assert(
      fc.property(worlds(scenario), delegations(), (world, d) => {
        const prefs = scenario.delegations[d].preferences;
        for (const lever of scenario.levers) {
          for (const sector of lever.targetsSector ? scenario.map.sectors.map((s) => s.id) : [undefined]) {
            const effects = lever.effects.map((e) => bindSector(e, sector));
            expect(noDealAfter(prefs, scenario, world, effects)).toBe(
              noDealFrom(prefs, applyEffects(scenario, world, effects)),
            );
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
