/**
 * fast-check generators over a real scenario: packages (each issue left open or given one of its
 * options, now and then an option the agenda lacks), worlds a game can reach, and delegations.
 */
import fc from 'fast-check';
import { applyEffects, initialWorld, type WorldState } from '../../src/scenario/evaluate.ts';
import { DELEGATION_IDS, type Package, type Scenario } from '../../src/scenario/schema.ts';

/** A package: for each agenda issue, left open or one of its options (now and then a bad option). */
export const packages = (scenario: Scenario, { badOptions = true } = {}) =>
  fc
    .array(fc.nat(), { minLength: scenario.agenda.issues.length, maxLength: scenario.agenda.issues.length })
    .map((picks) => {
      const pkg: Package = {};
      scenario.agenda.issues.forEach((issue, i) => {
        const pick = (picks[i] as number) % (issue.options.length + 2);
        if (pick < issue.options.length) pkg[issue.id] = (issue.options[pick] as { id: string }).id;
        else if (badOptions && pick === issue.options.length + 1 && i % 7 === 0) pkg[issue.id] = 'no-such-option';
      });
      return pkg;
    });

/** Worlds a game can reach: the start moved by a few of the scenario's own lever effects. */
export const worlds = (scenario: Scenario) =>
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

export const delegations = () => fc.constantFrom(...DELEGATION_IDS);
