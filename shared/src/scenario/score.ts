/**
 * One score for a package, everywhere: the builder, the answer and signing panels, the engine's
 * final result, the debrief and the export all call `scoreFor`, so the same package in the same
 * world (the same month) shows the same figure on every screen. A score says which month it was
 * worked out in, because the world (and with it the walk-away value) moves every month.
 *
 * `choiceFigures` adds what a delegation weighs when it answers or signs: the difference from its
 * walk-away value now, and each of its home (ratification) conditions, passed or failed.
 */
import type { ScenarioRules } from './compiled.ts';
import { holds } from './condition.ts';
import { ratificationProblems } from './evaluate.ts';
import type { DelegationId, Localized, Package } from './schema.ts';
import { choiceOf } from './space.ts';
import { noDealValue, packageUtility } from './utility.ts';
import type { WorldState } from './world.ts';

export interface Score {
  /** The delegation's utility for the package (its walk-away value for no deal), 0..1. */
  utility: number;
  /** Its walk-away (no-deal) value in the same world. */
  noDeal: number;
  /** utility − noDeal: what the package is worth over walking away. */
  difference: number;
  /** The calendar month (0 = the first) of the world it is scored in. */
  month: number;
}

/** A delegation's score for a package (null or empty = no deal) in a world. */
export function scoreFor(
  rules: Pick<ScenarioRules, 'scenario'>,
  d: DelegationId,
  pkg: Readonly<Package> | null,
  world: WorldState,
): Score {
  const noDeal = noDealValue(rules.scenario, d, world);
  const utility =
    pkg && Object.keys(pkg).length > 0 ? packageUtility(rules.scenario, d, pkg as Package, world) : noDeal;
  return { utility, noDeal, difference: utility - noDeal, month: world.month };
}

export interface HomeCondition {
  id: string;
  title: Localized;
  explanation: Localized;
  passes: boolean;
  /** When it fails: the clauses ("issue.option") whose change would let it pass. */
  blame: string[];
}

export interface ChoiceFigures extends Score {
  conditions: HomeCondition[];
}

/** What a delegation weighs at the moment of answering or signing: its score and each home condition. */
export function choiceFigures(
  rules: ScenarioRules,
  d: DelegationId,
  pkg: Readonly<Package>,
  world: WorldState,
): ChoiceFigures {
  const own = rules.delegations[d];
  const choice = choiceOf(rules.space, pkg);
  const failed = new Map(ratificationProblems(own, choice, world).map((p) => [p.rule.id, p.blame]));
  const conditions = own.ratification.map(({ rule, requires }) => ({
    id: rule.id,
    title: rule.title,
    explanation: rule.explanation,
    passes: holds(requires, choice, { world }),
    blame: failed.get(rule.id) ?? [],
  }));
  return { ...scoreFor(rules, d, pkg, world), conditions };
}
