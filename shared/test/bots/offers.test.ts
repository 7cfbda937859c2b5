/**
 * The bots score candidate packages from their own tables (offerTables.ts) rather than from the
 * packages themselves. These properties hold the table forms to the model they stand for: a
 * choice's own utility is exactly utilityFrom on its package (same float operations in the same
 * order, so not merely close), and the clause space round-trips the candidate's package. (What the
 * bots ask of the rules on choices is held to the plain reference in
 * test/scenario/packageRules.test.ts.)
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { buildOwnModel, ownUtility } from '../../src/bots/model.ts';
import { candidatePackage, likingOf, offerTables, scoreCandidate } from '../../src/bots/offerTables.ts';
import { createEngine } from '../../src/engine/game.ts';
import { viewFor } from '../../src/engine/view.ts';
import {
  applyEffects,
  bindSector,
  noDealAfter,
  noDealFrom,
  utilityFrom,
  weightsOf,
} from '../../src/scenario/evaluate.ts';
import { type PublicScenario, publicScenario } from '../../src/scenario/public.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { choiceOf, compileAgenda, keyOfChoice, settledCount } from '../../src/scenario/space.ts';
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
    const space = compileAgenda(pub.agenda);
    fc.assert(
      fc.property(packages(scenario, { badOptions: false }), worlds(scenario), delegations(), (pkg, world, d) => {
        const view = { ...viewFor(scenario, context, d), world };
        const own = buildOwnModel(pub, space, d, scenario.delegations[d]);
        const models = [0, 1, 2, 3].map(() => Array<number>(space.clauseCount).fill(0));
        const tables = offerTables(space, own, models, view);
        const choice = choiceOf(space, pkg);
        const candidate = scoreCandidate(tables, likingOf(tables), {
          choice,
          key: keyOfChoice(space, choice),
          settled: settledCount(choice),
        });
        const rebuilt = candidatePackage(tables, candidate);
        expect(Object.keys(rebuilt).sort()).toEqual(Object.keys(pkg).sort());
        const prefs = scenario.delegations[d].preferences;
        expect(candidate.utility).toBe(utilityFrom(prefs, weightsOf(prefs), rebuilt, world));
        expect(candidate.utility).toBe(ownUtility(own, rebuilt, world));
      }),
      { numRuns: 500 },
    );
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
