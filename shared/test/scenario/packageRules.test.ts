/**
 * Every rule about packages has one implementation (src/scenario/evaluate.ts, on the compiled
 * scenario), and every fast path that asks it on choices — the engine's refusals, the bots' search
 * and repairs, the debrief's frontier with its world decided once — derives from it. These
 * properties hold all of them to the plain reference (support/reference.ts) on generated scenarios
 * (agendas with clashes and signatories, delegations with red lines and ratification rules, worlds)
 * and on the real one.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioById } from '../../../server/src/content/loadScenario.ts';
import { buildOwnModel } from '../../src/bots/model.ts';
import { problemsByIssue } from '../../src/bots/offers.ts';
import { Badness } from '../../src/engine/frontier.ts';
import { packageRefusal } from '../../src/engine/packageRefusal.ts';
import { isSignable } from '../../src/engine/scoring.ts';
import type { NegotiationContext } from '../../src/engine/types.ts';
import { compileRules, rulesAtWorld } from '../../src/scenario/compiled.ts';
import {
  breaksRedLine,
  canSign,
  checkPackage,
  classifyOutcome,
  packageProblems,
  ratificationFailures,
  ratificationProblems,
  requiredSignatories,
  signingProblemCount,
  wellFormed,
} from '../../src/scenario/evaluate.ts';
import { type PublicScenario, publicScenario } from '../../src/scenario/public.ts';
import { DELEGATION_IDS, type DelegationId, type Package, type Scenario } from '../../src/scenario/schema.ts';
import { choiceOf, keyOfChoice } from '../../src/scenario/space.ts';
import type { WorldState } from '../../src/scenario/world.ts';
import { packages, worlds } from '../support/packageArbitraries.ts';
import * as reference from '../support/reference.ts';
import { endArb, packageArb, scenarioArb, worldArb } from '../support/scenarioArbitraries.ts';

/** Does the package name only agenda issues and options? (a package the engine could have accepted) */
function ofAgendaOptions(scenario: Scenario, pkg: Package): boolean {
  return Object.entries(pkg).every(([issue, option]) =>
    scenario.agenda.issues.some((i) => i.id === issue && i.options.some((o) => o.id === option)),
  );
}

/** Everything evaluate.ts and its fast paths answer about one package, checked against the reference. */
function expectSameRules(
  scenario: Scenario,
  pkg: Package,
  world: WorldState,
  end: { ending: 'signed' | 'deadline' | 'walkout' | 'breakthrough'; ratified: boolean; agreement: boolean },
) {
  const rules = compileRules(scenario);
  const { space } = rules;
  const choice = choiceOf(space, pkg);
  const problems = reference.packageProblems(scenario, pkg);
  const agendaOnly = ofAgendaOptions(scenario, pkg);
  expect(packageProblems(space, pkg).map((p) => p.message)).toEqual(problems);
  if (agendaOnly) expect(wellFormed(space, choice)).toBe(problems.length === 0);
  expect(requiredSignatories(space, pkg)).toEqual(reference.requiredSignatories(scenario, pkg));
  for (const d of DELEGATION_IDS) {
    const delegation = scenario.delegations[d];
    const breaches = reference.breaches(scenario, d, delegation.name.en, delegation.redLines, pkg, world);
    expect(checkPackage(rules, d, pkg, world)).toEqual(breaches);
    expect(breaksRedLine(rules.delegations[d], choice, world)).toBe(breaches.length > 0);
    if (agendaOnly)
      expect(canSign(rules.delegations[d], choice, world)).toBe(problems.length === 0 && breaches.length === 0);
    // The engine's refusal: the same reason, params and English sentence as before the rules were compiled.
    const ctx = { world } as NegotiationContext;
    expect(packageRefusal(rules, ctx, d, pkg)).toEqual(reference.packageRefusal(scenario, world, d, pkg));
    const failing = reference.ratificationProblems(scenario, delegation.ratification, pkg, world);
    expect(ratificationFailures(rules, d, pkg, world)).toEqual(failing.map((f) => f.rule));
    if (agendaOnly) expect(ratificationProblems(rules.delegations[d], choice, world)).toEqual(failing);
  }
  expect(isSignable(rules, pkg, world)).toBe(reference.isSignable(scenario, pkg, world));
  if (agendaOnly) {
    // The frontier's memoised count, with every red line's and rule's world side decided once.
    expect(new Badness(rules, world).of(choice, keyOfChoice(space, choice))).toBe(
      reference.badness(scenario, pkg, world),
    );
    const atWorld = DELEGATION_IDS.map((d) => rulesAtWorld(rules.delegations[d], { world }));
    const full = DELEGATION_IDS.map((d) => rules.delegations[d]);
    expect(signingProblemCount(space, atWorld, choice, world)).toBe(signingProblemCount(space, full, choice, world));
  }
  const agreement = end.agreement ? pkg : null;
  expect(classifyOutcome(rules, { ...end, agreement, world }).id).toBe(
    reference.classifyOutcome(scenario, { ...end, agreement, world }).id,
  );
}

/**
 * The bots repair a package by removing clauses, and try only clauses involved in every problem
 * (problemsByIssue): no problem means it can sign it, and removing a clause outside some problem
 * never makes it signable.
 */
function expectSoundPruning(scenario: Scenario, pub: PublicScenario, d: DelegationId, pkg: Package, world: WorldState) {
  const rules = compileRules(scenario);
  const own = buildOwnModel(pub, rules.space, d, scenario.delegations[d]);
  const delegation = scenario.delegations[d];
  const signable = (p: Package) =>
    reference.packageProblems(scenario, p).length === 0 &&
    reference.breaches(scenario, d, '', delegation.redLines, p, world).length === 0;
  if (Object.keys(pkg).length === 0) return; // the search never asks about an empty package
  const involved: number[] = [];
  const problems = problemsByIssue(own.rules, choiceOf(rules.space, pkg), world, involved);
  expect(problems === 0).toBe(signable(pkg));
  scenario.agenda.issues.forEach((issue, i) => {
    if (pkg[issue.id] === undefined || involved[i] === problems) return;
    const trial = { ...pkg };
    delete trial[issue.id];
    expect(signable(trial)).toBe(false);
  });
}

describe('the rules about packages on generated scenarios', () => {
  const cases = scenarioArb.chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario),
      pkgs: fc.array(packageArb(scenario), { minLength: 1, maxLength: 5 }),
      world: worldArb,
      end: endArb,
    }),
  );

  it('agree with the plain reference: form, signatories, red lines, refusals, ratification, signability, outcomes', () => {
    fc.assert(
      fc.property(cases, ({ scenario, pkgs, world, end }) => {
        for (const pkg of pkgs) expectSameRules(scenario, pkg, world, end);
      }),
      { numRuns: 300 },
    );
  });

  it('the bots’ repair prunes soundly', () => {
    const pruning = scenarioArb.chain((scenario) =>
      fc.record({
        scenario: fc.constant(scenario),
        pkg: packageArb(scenario, { unknown: false }),
        world: worldArb,
        d: fc.constantFrom(...DELEGATION_IDS),
      }),
    );
    fc.assert(
      fc.property(pruning, ({ scenario, pkg, world, d }) => {
        expectSoundPruning(scenario, scenario as unknown as PublicScenario, d, pkg, world);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the rules about packages on the real scenario', () => {
  let scenario: Scenario;
  beforeAll(async () => {
    scenario = await loadScenarioById('ukraine-2026');
  });

  it('agree with the plain reference', () => {
    fc.assert(
      fc.property(packages(scenario), worlds(scenario), endArb, (pkg, world, end) => {
        expectSameRules(scenario, pkg, world, end);
      }),
      { numRuns: 150 },
    );
  });

  it('the bots’ repair prunes soundly', () => {
    const pub = publicScenario(scenario);
    fc.assert(
      fc.property(
        packages(scenario, { badOptions: false }),
        worlds(scenario),
        fc.constantFrom(...DELEGATION_IDS),
        (pkg, world, d) => {
          expectSoundPruning(scenario, pub, d, pkg, world);
        },
      ),
      { numRuns: 300 },
    );
  });
});
