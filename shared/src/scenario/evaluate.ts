/**
 * The rules about packages, each in one place, on the compiled scenario (compiled.ts): whether a
 * package is well formed, who must sign it, which red lines it breaks, which ratification rules
 * it fails at home (and which clause to blame), whether it ends the talks, and how a finished game
 * is classified. The engine, the bots, the debrief's frontier, the client's hints and the content
 * tests all call these. No I/O, no randomness, no clock.
 *
 * The world (effects, dynamics) is in world.ts and the utility model in utility.ts, both
 * re-exported here.
 */
import type { CompiledRatificationRule, DelegationRules, ScenarioRules } from './compiled.ts';
import { blame, type Facts, holds } from './condition.ts';
import type { DelegationId, Ending, Outcome, Package, RatificationRule, RedLine } from './schema.ts';
import {
  type Choice,
  type ClauseSpace,
  choiceOf,
  clashCount,
  clashHolds,
  delegationsIn,
  OPEN,
  resolvedAt,
  settledCount,
  signatoryMask,
  UNKNOWN,
} from './space.ts';
import { initialWorld, type WorldState } from './world.ts';

export * from './utility.ts';
export * from './world.ts';

/** Why a package is not well formed: each problem with its English sentence. */
export type PackageProblem =
  | { kind: 'unknownIssue'; issue: string; message: string }
  | { kind: 'unknownOption'; issue: string; option: string; message: string }
  | { kind: 'empty'; message: string }
  | { kind: 'clash'; clause: string; other: string; message: string };

/**
 * Everything wrong with a package's form, in the order a player should fix it: issues and options
 * the agenda lacks (in the package's order), a package that settles nothing, then clauses that
 * cannot stand together (in agenda order). [] when it is well formed.
 */
export function packageProblems(space: ClauseSpace, pkg: Readonly<Package>): PackageProblem[] {
  const problems: PackageProblem[] = [];
  let named = 0;
  for (const issue in pkg) {
    named += 1;
    const option = pkg[issue] as string;
    const i = space.issueIndex.get(issue);
    if (i === undefined) problems.push({ kind: 'unknownIssue', issue, message: `unknown agenda issue "${issue}"` });
    else if (!space.optionIndex[i]?.has(option)) {
      problems.push({ kind: 'unknownOption', issue, option, message: `issue "${issue}" has no option "${option}"` });
    }
  }
  if (named === 0) problems.push({ kind: 'empty', message: 'the package settles no issue' });
  const choice = choiceOf(space, pkg);
  for (const clash of space.clashes) {
    if (!clashHolds(clash, choice)) continue;
    const { clause, other } = clash;
    problems.push({ kind: 'clash', clause, other, message: `clause ${clause} cannot stand with clause ${other}` });
  }
  return problems;
}

/**
 * packageProblems(…) finds nothing, for a package of agenda options (as a choice): it settles
 * something and no two of its clauses clash.
 */
export function wellFormed(space: ClauseSpace, choice: Choice): boolean {
  return settledCount(choice) > 0 && clashCount(space, choice) === 0;
}

/** Delegations whose signatures the package needs to bind: the union over the clauses it settles, in seat order. */
export function requiredSignatories(space: ClauseSpace, pkg: Readonly<Package>): DelegationId[] {
  return delegationsIn(signatoryMask(space, choiceOf(space, pkg)));
}

/** Does signing this package end the talks? (it settles a concluding issue, such as a ceasefire, to a non-default option) */
export function isConcluding(space: ClauseSpace, pkg: Readonly<Package>): boolean {
  for (const issue of space.issues) {
    const option = pkg[issue.id];
    if (issue.concludes && option !== undefined && option !== issue.default) return true;
  }
  return false;
}

/** A red line the package breaks, with the clauses to blame and a sentence for the player. */
export interface Breach {
  delegation: DelegationId;
  redLine: RedLine;
  clauses: string[];
  message: string;
}

/**
 * The delegation's red lines a package (as a choice) breaks: hard constraints, it may not accept or
 * sign it. Open issues count at their default, so a silence that keeps an unacceptable status quo
 * breaks a red line too, and its default clause is blamed.
 */
export function breachesOf(rules: DelegationRules, choice: Choice, world: WorldState): Breach[] {
  const facts: Facts = { world };
  const breaches: Breach[] = [];
  for (const { line, breaks } of rules.redLines) {
    if (!holds(breaks, choice, facts)) continue;
    const clauses = blame(breaks, choice);
    const which = clauses.length > 0 ? `clause ${clauses.join(', ')} breaks` : 'the package breaks';
    breaches.push({
      delegation: rules.id,
      redLine: line,
      clauses,
      message: `${rules.name.en} cannot sign: ${which} red line "${line.title.en}"`,
    });
  }
  return breaches;
}

/** breachesOf(…).length > 0, without writing the sentences. */
export function breaksRedLine(rules: DelegationRules, choice: Choice, world: WorldState): boolean {
  const facts: Facts = { world };
  for (const { breaks } of rules.redLines) if (holds(breaks, choice, facts)) return true;
  return false;
}

/**
 * May the delegation put its name to this package of agenda options (as a choice)? Well formed,
 * and none of its red lines broken: what the engine checks before it lets a delegation table,
 * counter, accept or sign (engine/packageRefusal.ts words the refusal).
 */
export function canSign(rules: DelegationRules, choice: Choice, world: WorldState): boolean {
  return wellFormed(rules.space, choice) && !breaksRedLine(rules, choice, world);
}

/** The delegation's red lines this package breaks, at this world (the scenario's first, if none given). */
export function checkPackage(
  rules: ScenarioRules,
  delegation: DelegationId,
  pkg: Readonly<Package>,
  world: WorldState = initialWorld(rules.scenario),
): Breach[] {
  return breachesOf(rules.delegations[delegation], choiceOf(rules.space, pkg), world);
}

/** The delegation's ratification rules a signed package (as a choice) fails at home ([] = it survives). */
export function failedRatification(
  rules: DelegationRules,
  choice: Choice,
  world: WorldState,
): CompiledRatificationRule[] {
  const facts: Facts = { world };
  return rules.ratification.filter((r) => !holds(r.requires, choice, facts));
}

export function ratificationFailures(
  rules: ScenarioRules,
  delegation: DelegationId,
  pkg: Readonly<Package>,
  world: WorldState,
): RatificationRule[] {
  return failedRatification(rules.delegations[delegation], choiceOf(rules.space, pkg), world).map((r) => r.rule);
}

/** A ratification rule a package fails, and the clauses whose change would let it pass. */
export interface RatificationProblem {
  rule: RatificationRule;
  blame: string[];
}

/**
 * The rules a package fails at home, each with the clauses to blame: a clause of an issue the rule
 * reads is blamed when another real option of that issue would let the rule pass. Leaving the
 * issue at its default does not count: "no ceasefire" passes every ceasefire rule, but blaming the
 * ceasefire would teach the others to stop proposing one. (A package of agenda options: an option
 * the agenda lacks is never blamed.)
 */
export function ratificationProblems(rules: DelegationRules, choice: Choice, world: WorldState): RatificationProblem[] {
  const failed = failedRatification(rules, choice, world);
  if (failed.length === 0) return [];
  const { space } = rules;
  const facts: Facts = { world };
  const trial = choice.slice();
  return failed.map(({ rule, requires, issues }) => {
    const clauses: string[] = [];
    for (const i of issues) {
      const issue = space.issues[i];
      const chosen = choice[i] as number;
      const byDefault = space.defaults[i] as number;
      const resolved = resolvedAt(space, choice, i);
      if (!issue || chosen === UNKNOWN) continue;
      let fixes = false;
      for (let j = 0; j < issue.options.length && !fixes; j += 1) {
        if (j === resolved || j === byDefault) continue;
        trial[i] = j;
        fixes = holds(requires, trial, facts);
        trial[i] = chosen;
      }
      if (fixes) clauses.push(`${issue.id}.${chosen === OPEN ? issue.default : issue.options[chosen]?.id}`);
    }
    return { rule, blame: clauses };
  });
}

/**
 * How far a package (as a choice) is from signable: its clashes, plus every required signatory's
 * broken red lines and failed ratification rules. 0 for a package every signatory can sign and
 * that holds at home. `delegations` by DELEGATION_IDS index.
 */
export function signingProblemCount(
  space: ClauseSpace,
  delegations: readonly DelegationRules[],
  choice: Choice,
  world: WorldState,
): number {
  const facts: Facts = { world };
  let count = clashCount(space, choice);
  const signatories = signatoryMask(space, choice);
  for (let d = 0; d < delegations.length; d += 1) {
    if (!((signatories >> d) & 1)) continue;
    const rules = delegations[d] as DelegationRules;
    for (const { breaks } of rules.redLines) if (holds(breaks, choice, facts)) count += 1;
    for (const { requires } of rules.ratification) if (!holds(requires, choice, facts)) count += 1;
  }
  return count;
}

/** What the end of a game looks like to the outcome rules. */
export interface OutcomeContext {
  ending: Ending;
  /** The package signed by all its required signatories, if any. */
  agreement: Readonly<Package> | null;
  ratified: boolean;
  world: WorldState;
  /**
   * What the ratified partial agreements (those that did not end the talks) bind, merged in order,
   * when there is no concluding agreement; clause conditions read it then. Absent or null: none.
   */
  partial?: Readonly<Package> | null;
}

/** The first outcome whose rule matches (content order), or the last outcome as a catch-all. */
export function classifyOutcome(rules: ScenarioRules, end: OutcomeContext): Outcome {
  const terms = end.agreement ?? end.partial ?? null;
  const choice = terms ? choiceOf(rules.space, terms) : null;
  const facts: Facts = {
    world: end.world,
    ending: end.ending,
    ratified: end.ratified,
    agreement: end.agreement !== null,
    partial: end.agreement === null && (end.partial ?? null) !== null,
  };
  const outcomes = rules.scenario.outcomes;
  const index = rules.outcomes.findIndex((when) => holds(when, choice, facts));
  return outcomes[index >= 0 ? index : outcomes.length - 1] as Outcome;
}
